import { RecordForm } from '../records/record-form';
import { DocumentSourceContext } from '../stores/document-source';
import { type FormPreviewOptions, useFormPreview } from './use-form-preview';

/**
 * `@tessera/ui/form-preview`: the runtime's record form drawn from a given document in preview
 * mode — what an end user will get once the document is published, and nothing is written.
 */
export function FormPreview(props: FormPreviewOptions) {
  const { runtime, layout } = useFormPreview(props);
  return (
    <DocumentSourceContext value={props.document}>
      <div data-testid="form-preview">
        <RecordForm runtime={runtime} layout={layout} disabled={false} />
      </div>
    </DocumentSourceContext>
  );
}

export type { RecordData } from '../api/types';
/** The record picker the studio fills its preview from: searched by title through the records API, as the admin reads them. */
export { RelationSelect as RecordPicker } from '../records/relation-select';
export type { FormPreviewOptions } from './use-form-preview';
