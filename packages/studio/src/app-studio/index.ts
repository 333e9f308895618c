/**
 * `@tessera/studio/app-studio`: the app designer and the new-app dialog, for administrators only.
 * The host imports this module with `import()`: nothing here is on an end user's first load.
 */

export { DeleteAppDialog } from './apps/ui/delete-app-dialog';
export { StudioPage } from './studio-page';
export { NewAppDialog } from './ui/new-app-dialog';
