export { type InstallResult, installTemplate } from './install-template';
export { buildServer, type ServerOptions } from './server';
