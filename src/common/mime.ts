// The mime types poolnb's kernel emits and its renderer draws.
export const POOLNB_MIME = 'application/vnd.poolnb.value+json';
export const NOTEBOOK_TYPE = 'poolnb';
export const LANGUAGE_ID = 'poolscript';
export const RENDERER_ID = 'poolnb.renderer';
export const CONTROLLER_ID = 'poolnb.kernel';
