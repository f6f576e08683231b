import { importAny, type ImportFormat, type ImportOptions, type ImportResult } from '../importers/index.js';

/** Maps a file to a plan input (see importAny); async so that large files can be read off the event loop. */
export type Importer = (format: ImportFormat | undefined, fileName: string, text: string, options: ImportOptions) => Promise<ImportResult & { format: ImportFormat }>;

export const inProcessImporter: Importer = async (format, fileName, text, options) => importAny(format, fileName, text, options);
