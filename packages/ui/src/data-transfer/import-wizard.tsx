import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Flex, Modal, Steps, Upload } from 'antd';
import { errorMessage } from '../api/error-message';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { ImportCheckStep } from './import-check-step';
import { ImportMappingStep } from './import-mapping-step';
import { ImportResultStep } from './import-result-step';
import { useImportWizard, type WizardStep } from './use-import-wizard';

const STEPS: WizardStep[] = ['upload', 'mapping', 'check', 'result'];

/** Import from Excel or CSV in four steps, each the server's answer: file, columns, check, result. */
export function ImportWizard({ appId, object, onClose, onImported }: { appId: string; object: ObjectDefinition; onClose: () => void; onImported: () => void }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const wizard = useImportWizard(appId, object.id, onImported);
  const { step } = wizard;
  const mappedAny = Object.values(wizard.choices.mapping).some(Boolean);
  const footer = (
    <Flex gap={8} justify="flex-end">
      {step === 'check' && <Button onClick={() => wizard.setStep('mapping')}>{t('import.back')}</Button>}
      {step === 'mapping' && (
        <Button type="primary" disabled={!mappedAny} loading={wizard.busy} onClick={wizard.check} data-testid="import-check">
          {t('import.check')}
        </Button>
      )}
      {step === 'check' && (
        <Button
          type="primary"
          loading={wizard.busy}
          disabled={wizard.choices.atomicity === 'all' && (wizard.dryRun?.counts.refused ?? 0) > 0}
          onClick={wizard.run}
          data-testid="import-run"
        >
          {t('import.run')}
        </Button>
      )}
      {step === 'result' && <Button onClick={onClose}>{t('import.close')}</Button>}
    </Flex>
  );
  return (
    <Modal
      open
      width={860}
      title={t('import.title', { object: localized(object.label, locale, object.id) })}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
    >
      <Flex vertical gap={16} data-testid="import-wizard">
        <Steps size="small" current={STEPS.indexOf(step)} items={STEPS.map((s) => ({ title: t(`import.step.${s}`) }))} />
        {wizard.error !== null && <Alert type="error" showIcon title={errorMessage(wizard.error, t)} />}
        {step === 'upload' && (
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={wizard.busy}
            beforeUpload={(file) => {
              void wizard.upload(file);
              return false;
            }}
          >
            <p data-testid="import-drop">{t('import.upload.hint')}</p>
            <p className="ant-upload-hint">{t('import.upload.detail')}</p>
          </Upload.Dragger>
        )}
        {step === 'mapping' && <ImportMappingStep wizard={wizard} />}
        {step === 'check' && <ImportCheckStep wizard={wizard} />}
        {step === 'result' && <ImportResultStep wizard={wizard} />}
      </Flex>
    </Modal>
  );
}
