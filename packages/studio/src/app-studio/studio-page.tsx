import { ErrorState, useAuthStore } from '@tessera/ui';
import { App, Card, Empty, Result, Segmented, Spin, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useDashboardT } from './dashboards/i18n/use-dashboard-t';
import { DashboardList } from './dashboards/ui/dashboard-list';
import { DashboardsWorkspace } from './dashboards/ui/dashboards-workspace';
import { useFlowT } from './flows/i18n/use-flow-t';
import { FlowList } from './flows/ui/flow-list';
import { FlowsWorkspace } from './flows/ui/flows-workspace';
import { StudioContext, useStudio } from './hooks/studio-context';
import { useAutosave } from './hooks/use-autosave';
import { useDraftLoader } from './hooks/use-draft-loader';
import { usePublishReview } from './hooks/use-publish-review';
import { useSelected } from './hooks/use-selected';
import { useStudioKeys } from './hooks/use-studio-keys';
import { useStudioT } from './i18n/use-studio-t';
import { useJsonT } from './json/i18n/use-json-t';
import { JsonWorkspace } from './json/ui/json-workspace';
import { createStudioStore, type StudioStore, type StudioTab } from './model/studio-store';
import { useNavT } from './navigation/i18n/use-nav-t';
import { NavigationWorkspace } from './navigation/ui/navigation-workspace';
import { useRoleT } from './roles/i18n/use-role-t';
import { RoleList } from './roles/ui/role-list';
import { RolesWorkspace } from './roles/ui/roles-workspace';
import './studio.css';
import { ConflictBanner } from './ui/conflict-banner';
import { FieldsView } from './ui/fields-view';
import { FormDesigner } from './ui/form-designer';
import { HistoryDrawer } from './ui/history-drawer';
import { ObjectList } from './ui/object-list';
import { PreviewPane } from './ui/preview-pane';
import { PropertyPanel } from './ui/property-panel';
import { PublishDialog } from './ui/publish-dialog';
import { RulesView } from './ui/rules-view';
import { StudioHeader } from './ui/studio-header';
import { useViewT } from './views/i18n/use-view-t';
import { ViewsWorkspace } from './views/ui/views-workspace';

/**
 * `@tessera/studio/app-studio`: where an admin builds an app — its objects and fields, the form
 * designer with a live preview, publish with review, history and rollback. The host loads this
 * module lazily for administrators only; an end user's pages never import it.
 */
export function StudioPage({ appId }: { appId: string }) {
  const t = useStudioT();
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const [store] = useState(createStudioStore);
  if (!isAdmin) return <Result status="403" subTitle={t('studio.forbidden')} />;
  return (
    <StudioContext value={store}>
      <DndProvider backend={HTML5Backend}>
        <StudioWorkspace store={store} appId={appId} />
      </DndProvider>
    </StudioContext>
  );
}

function StudioWorkspace({ store, appId }: { store: StudioStore; appId: string }) {
  const t = useStudioT();
  const { message } = App.useApp();
  const remote = useDraftLoader(store, appId);
  useStudioKeys(store);
  const [historyOpen, setHistoryOpen] = useState(false);
  const onPublished = useCallback((version: number) => void message.success(t('studio.review.published', { version })), [message, t]);
  const publishing = usePublishReview(onPublished);
  const loaded = useStudio((s) => s.appId === appId && s.document !== null);
  const section = sectionOf(useStudio((s) => s.tab));

  if (remote.status === 'failed') return <ErrorState title={t('studio.loadFailed')} error={remote.error} onRetry={remote.reload} />;
  if (!loaded) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  return (
    // Plain elements for the frame, not antd's Layout: sharing Layout with the app shell would split it out of every end user's first load.
    <div className="studio" data-testid="studio">
      <Autosave store={store} />
      <StudioHeader onPublish={() => void publishing.open()} onHistory={() => setHistoryOpen(true)} />
      <ConflictBanner />
      <div className="studio-body">
        <aside className="studio-sider">
          <SectionSwitch />
          {section === 'flows' ? (
            <FlowList />
          ) : section === 'dashboards' ? (
            <DashboardList />
          ) : section === 'roles' ? (
            <RoleList />
          ) : section === 'navigation' || section === 'json' ? null : (
            <ObjectList />
          )}
        </aside>
        <main className="studio-content">
          {section === 'flows' ? (
            <FlowsWorkspace />
          ) : section === 'dashboards' ? (
            <DashboardsWorkspace />
          ) : section === 'roles' ? (
            <RolesWorkspace />
          ) : section === 'navigation' ? (
            <NavigationWorkspace />
          ) : section === 'json' ? (
            <JsonWorkspace />
          ) : (
            <ObjectWorkspace appId={appId} />
          )}
        </main>
      </div>
      <PublishDialog
        review={publishing.review}
        publishing={publishing.publishing}
        onPublish={(comment) => void publishing.publish(comment)}
        onClose={publishing.close}
      />
      <HistoryDrawer open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </div>
  );
}

/** The sections that are one tab each; every other tab belongs to the objects section. */
const OWN_TABS = ['flows', 'dashboards', 'roles', 'navigation', 'json'] as const;
type Section = 'objects' | (typeof OWN_TABS)[number];
const isOwnTab = (tab: StudioTab): tab is (typeof OWN_TABS)[number] => (OWN_TABS as readonly StudioTab[]).includes(tab);
const sectionOf = (tab: StudioTab): Section => (isOwnTab(tab) ? tab : 'objects');

/** The studio's sections: the objects (their fields and forms), the draft's flows, its dashboards, its roles, its menu, the draft as JSON. */
function SectionSwitch() {
  const t = useStudioT();
  const flowT = useFlowT();
  const dashT = useDashboardT();
  const roleT = useRoleT();
  const navT = useNavT();
  const jsonT = useJsonT();
  const section = sectionOf(useStudio((s) => s.tab));
  const setTab = useStudio((s) => s.setTab);
  return (
    // One section a line: five side by side would not fit the sider's width in either language.
    <Segmented<Section>
      block
      orientation="vertical"
      style={{ marginBottom: 8 }}
      value={section}
      data-testid="studio-section"
      onChange={(next) => setTab(next === 'objects' ? 'form' : next)}
      options={[
        { value: 'objects', label: t('studio.objects') },
        { value: 'flows', label: <span data-testid="studio-section-flows">{flowT('flows.section')}</span> },
        { value: 'dashboards', label: <span data-testid="studio-section-dashboards">{dashT('dash.section')}</span> },
        { value: 'roles', label: <span data-testid="studio-section-roles">{roleT('roles.section')}</span> },
        { value: 'navigation', label: <span data-testid="studio-section-navigation">{navT('nav.section')}</span> },
        { value: 'json', label: <span data-testid="studio-section-json">{jsonT('json.section')}</span> },
      ]}
    />
  );
}

/** The autosave on its own: its save-state changes re-render nothing else (the canvas keeps its drag). */
function Autosave({ store }: { store: StudioStore }) {
  useAutosave(store);
  return null;
}

/** The selected object: its fields or its form on the left, the property panel and the preview on the right. */
function ObjectWorkspace({ appId }: { appId: string }) {
  const t = useStudioT();
  const viewT = useViewT();
  const document = useStudio((s) => s.document);
  const tab = useStudio((s) => s.tab);
  const setTab = useStudio((s) => s.setTab);
  const { object, form } = useSelected();
  if (!document) return null;
  if (!object) return <Empty style={{ marginTop: 80 }} description={t('studio.noObjects')} />;
  return (
    <div className="studio-workspace">
      <Tabs
        className="studio-main"
        activeKey={tab}
        onChange={(key) => setTab(key === 'fields' || key === 'rules' || key === 'views' ? key : 'form')}
        items={[
          { key: 'form', label: t('studio.tabForm'), children: <FormDesigner object={object} /> },
          { key: 'fields', label: t('studio.tabFields'), children: <FieldsView object={object} /> },
          { key: 'rules', label: t('studio.tabRules'), children: <RulesView object={object} /> },
          { key: 'views', label: <span data-testid="studio-tab-views">{viewT('views.tab')}</span>, children: <ViewsWorkspace appId={appId} object={object} /> },
        ]}
      />
      {/* The views designer takes the width: a form's properties and preview say nothing about a list. */}
      {tab !== 'views' && (
        <div className="studio-side">
          <Card size="small">
            <PropertyPanel tab={tab} />
          </Card>
          <Card size="small">
            <PreviewPane appId={appId} document={document} object={object} form={form} />
          </Card>
        </div>
      )}
    </div>
  );
}
