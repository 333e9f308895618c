/**
 * Monaco with the JSON language, for the studio's JSON view only: imported by the lazily loaded
 * editor, so neither the formula editor nor an end user's page carries the JSON worker.
 */
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import { monaco, registerLanguageWorker } from '../../../formula-editor/monaco-setup';

registerLanguageWorker('json', () => new JsonWorker());
// The studio's own checks mark the text (the validation every section uses); Monaco colours and folds it.
jsonDefaults.setDiagnosticsOptions({ validate: false });

export { monaco };
