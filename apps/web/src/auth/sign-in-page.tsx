import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '@tessera/ui';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { preloadSignedInShell } from '../shell/signed-in-pages';
import { BrandMark } from './brand-mark';
import { type SignInValues, useSignIn } from './use-sign-in';

/**
 * Shown in place of any page while signed out; the URL stays, so after signing in the user
 * lands where they were going.
 */
export function SignInPage() {
  const t = useT();
  const { submit, submitting, error, expired } = useSignIn();

  return (
    // The first key or press on the page says the user is signing in: the signed-in pages' code
    // comes while they type, not with the page (docs/adr/0107). Repeated calls fetch nothing.
    <div className="tessera-sign-in" data-testid="sign-in-page" onKeyDownCapture={preloadSignedInShell} onPointerDownCapture={preloadSignedInShell}>
      <div className="tessera-sign-in-language">
        <LanguageSwitch />
      </div>
      {/* A plain panel, not antd's Card: Card brings Tabs with a menu and a dropdown (docs/adr/0043). */}
      <section className="tessera-sign-in-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <BrandMark size={44} />
          <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
            {t('auth.signInTitle')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {t('auth.signInSubtitle')}
          </Typography.Text>
        </Flex>
        {expired && !error && <Alert type="info" showIcon title={t('auth.expired')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} data-testid="sign-in-error" style={{ marginBottom: 16 }} />}
        <Form<SignInValues> name="sign-in" layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} size="large">
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[
              { required: true, message: t('auth.emailRequired') },
              { type: 'email', message: t('auth.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="sign-in-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '20px 0 0', textAlign: 'center', fontSize: 13 }}>
          {t('auth.forgotHint')}
        </Typography.Paragraph>
      </section>
    </div>
  );
}
