import { Button, Result } from 'antd';
import { errorMessage } from '../api/error-message';
import { useT } from '../i18n/use-t';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: what failed, why in the user's language, and a way to try again. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={title}
      subTitle={errorMessage(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
