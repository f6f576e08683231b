import { Type } from 'typebox';

export const Day = Type.Number({ description: 'Working days from the project start.' });
export const Days = Type.Number({ minimum: 0, description: 'A span in working days.' });
export const Percent = Type.Number({ description: 'Percent.' });
export const DateString = Type.String({ format: 'date' });
export const Ids = Type.Array(Type.String());
export const NullableString = Type.Union([Type.String(), Type.Null()]);
