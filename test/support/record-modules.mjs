// Loaded with --import: every module URL the process resolves is appended to $RECORD_MODULES_TO.
import { register } from 'node:module';
import process from 'node:process';

register('./record-modules-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_MODULES_TO } });
