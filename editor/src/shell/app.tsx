import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationsScreen } from '../applications/applications-screen.tsx';
import { LoginScreen } from '../auth/login-screen.tsx';
import { prefetchDesigner } from '../designer/designer-prefetch.ts';
import { loadPreferences } from './preferences.ts';
import { parseRoute, type Route, useHash } from './route.ts';
import { restoreSession, useSession } from './session.ts';
import { visibleTabs } from './tabs.ts';
import { TopBar } from './top-bar.tsx';

// The canvas (React Flow, elkjs) loads only when a designer opens, keeping the first screen small.
type DesignerModule = typeof import('../designer/designer-screen.tsx');
let designerModule: DesignerModule | undefined;
let designerLoading: Promise<DesignerModule> | undefined;
/** The Designer's code, asked for once (a failed load is asked again next time). */
const loadDesigner = (): Promise<DesignerModule> =>
  (designerLoading ??= import('../designer/designer-screen.tsx').then(
    (loaded) => (designerModule = loaded),
    (error: unknown) => {
      designerLoading = undefined;
      throw error;
    },
  ));
// The session is checked as the page starts, not after its first render; a page opened on a
// Designer address fetches the Designer's code and data meanwhile.
void restoreSession();
const opening = parseRoute(window.location.hash);
if (opening.name === 'designer') {
  void loadDesigner();
  prefetchDesigner(opening.applicationId);
}
const BusinessHoursScreen = lazy(() => import('../business-hours/business-hours-screen.tsx'));
const CallbackSettingsScreen = lazy(() => import('../callback-settings/callback-settings-screen.tsx'));
const AccessScreen = lazy(() => import('../access/access-screen.tsx'));
const CallbacksScreen = lazy(() => import('../console/callbacks/callbacks-screen.tsx'));
const MonitorScreen = lazy(() => import('../console/monitor/monitor-screen.tsx'));
const ReportsScreen = lazy(() => import('../console/reports/reports-screen.tsx'));
const ToolsScreen = lazy(() => import('../console/tools/tools-screen.tsx'));
const DeveloperScreen = lazy(() => import('../console/developer/developer-screen.tsx'));
const CallInScreen = lazy(() => import('../console/call-in/call-in-screen.tsx'));

/** The tab a route belongs to: a route opens only when the user's roles open its tab. */
const tabOfRoute: Record<Exclude<Route['name'], 'login' | 'home'>, string> = {
  applications: 'applications',
  designer: 'applications',
  businessHours: 'businessHours',
  callbackSettings: 'callbackSettings',
  access: 'access',
  callIn: 'callIn',
  callbacks: 'callbacks',
  monitor: 'monitor',
  reports: 'reports',
  tools: 'tools',
  developer: 'developer',
};

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'designer':
      return <Designer key={route.applicationId} applicationId={route.applicationId} />;
    case 'businessHours':
      return <BusinessHoursScreen />;
    case 'callbackSettings':
      return <CallbackSettingsScreen />;
    case 'access':
      return <AccessScreen section={route.section} />;
    case 'callIn':
      return <CallInScreen />;
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
      return (
        <ApplicationsScreen unknownPath={route.name === 'applications' ? route.unknownPath : undefined} />
      );
  }
}

/**
 * The Designer without Suspense: React holds back content revealed after a Suspense fallback for up
 * to 300 ms (so fallbacks do not flash), which made every Designer opened by a link or reload wait
 * that long after its code had arrived. A splash until the code is there shows at once instead.
 */
function Designer({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('shell');
  const [loaded, setLoaded] = useState<DesignerModule | Error | undefined>(designerModule);
  useEffect(() => {
    if (!loaded) loadDesigner().then(setLoaded, (error: unknown) => setLoaded(new Error(String(error))));
  }, [loaded]);
  if (loaded instanceof Error) {
    return (
      <div className="splash error" role="alert">
        {t('designerLoadFailed', { error: loaded.message })}
      </div>
    );
  }
  if (!loaded) return <div className="splash">{t('loading')}</div>;
  const DesignerScreen = loaded.default;
  return <DesignerScreen applicationId={applicationId} />;
}

export function App() {
  const { t } = useTranslation('shell');
  const user = useSession((s) => s.user);
  const hashRoute = parseRoute(useHash());

  const username = user ? user.username : null;
  useEffect(() => {
    if (username) loadPreferences(username);
  }, [username]);

  if (user === null) return <div className="splash">{t('loading')}</div>;
  if (user === false) return <LoginScreen />;
  const open = visibleTabs(user.roles);
  // Home, and any route whose tab the user's roles do not open, shows the first tab they open.
  const wanted = hashRoute.name === 'home' || hashRoute.name === 'login' ? undefined : hashRoute;
  const allowed = wanted && open.some((tab) => tab.id === tabOfRoute[wanted.name]) ? wanted : undefined;
  const route = allowed ?? (open[0] ? parseRoute(`#${open[0].path}`) : undefined);
  return (
    <div className="app">
      <TopBar user={user} />
      {route ? (
        <Suspense fallback={<div className="splash">{t('loading')}</div>}>
          <Screen route={route} />
        </Suspense>
      ) : (
        <main className="splash" role="status">
          {t('noTabs')}
        </main>
      )}
    </div>
  );
}
