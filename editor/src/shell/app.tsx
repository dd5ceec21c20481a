import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationsScreen } from '../applications/applications-screen.tsx';
import { LoginScreen } from '../auth/login-screen.tsx';
import { loadPreferences } from './preferences.ts';
import { parseRoute, type Route, useHash } from './route.ts';
import { restoreSession, useSession } from './session.ts';
import { visibleTabs } from './tabs.ts';
import { TopBar } from './top-bar.tsx';

// The canvas (React Flow, elkjs) loads only when a designer opens, keeping the first screen small.
const DesignerScreen = lazy(() => import('../designer/designer-screen.tsx'));
const BusinessHoursScreen = lazy(() => import('../business-hours/business-hours-screen.tsx'));
const CallbackSettingsScreen = lazy(() => import('../callback-settings/callback-settings-screen.tsx'));
const CallbacksScreen = lazy(() => import('../console/callbacks/callbacks-screen.tsx'));
const MonitorScreen = lazy(() => import('../console/monitor/monitor-screen.tsx'));
const ReportsScreen = lazy(() => import('../console/reports/reports-screen.tsx'));
const ToolsScreen = lazy(() => import('../console/tools/tools-screen.tsx'));
const DeveloperScreen = lazy(() => import('../console/developer/developer-screen.tsx'));

function screenOf(route: Route) {
  switch (route.name) {
    case 'designer':
      return <DesignerScreen key={route.applicationId} applicationId={route.applicationId} />;
    case 'businessHours':
      return <BusinessHoursScreen />;
    case 'callbackSettings':
      return <CallbackSettingsScreen />;
    case 'callbacks':
      return <CallbacksScreen />;
    case 'monitor':
      return <MonitorScreen queue={route.queue} />;
    case 'reports':
      return <ReportsScreen />;
    case 'tools':
      return <ToolsScreen page={route.page} />;
    case 'developer':
      return <DeveloperScreen />;
    default:
      return <ApplicationsScreen />;
  }
}

export function App() {
  const { t } = useTranslation('shell');
  const user = useSession((s) => s.user);
  let route = parseRoute(useHash());

  useEffect(() => {
    void restoreSession();
  }, []);
  const username = user ? user.username : null;
  useEffect(() => {
    if (username) loadPreferences(username);
  }, [username]);

  if (user === null) return <div className="splash">{t('loading')}</div>;
  if (user === false) return <LoginScreen />;
  // Someone whose roles do not open the Applications tab starts on the first tab they may open.
  const tabs = visibleTabs(user.roles);
  if (route.name === 'applications' && !tabs.some((tab) => tab.id === 'applications') && tabs[0])
    route = parseRoute(`#${tabs[0].path}`);
  return (
    <div className="app">
      <TopBar user={user} />
      <Suspense fallback={<div className="splash">{t('loading')}</div>}>{screenOf(route)}</Suspense>
    </div>
  );
}
