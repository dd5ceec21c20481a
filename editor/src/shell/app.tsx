import { lazy, Suspense, useEffect } from 'react';
import { ApplicationsScreen } from '../applications/applications-screen.tsx';
import { LoginScreen } from '../auth/login-screen.tsx';
import { parseRoute, useHash } from './route.ts';
import { restoreSession, useSession } from './session.ts';
import { TopBar } from './top-bar.tsx';

// The canvas (React Flow, elkjs) loads only when a designer opens, keeping the first screen small.
const DesignerScreen = lazy(() => import('../designer/designer-screen.tsx'));
const BusinessHoursScreen = lazy(() => import('../business-hours/business-hours-screen.tsx'));
const CallbackSettingsScreen = lazy(() => import('../callback-settings/callback-settings-screen.tsx'));

export function App() {
  const user = useSession((s) => s.user);
  const route = parseRoute(useHash());

  useEffect(() => {
    void restoreSession();
  }, []);

  if (user === null) return <div className="splash">Loading…</div>;
  if (user === false) return <LoginScreen />;
  return (
    <div className="app">
      <TopBar user={user} />
      {route.name === 'designer' ? (
        <Suspense fallback={<div className="splash">Loading designer…</div>}>
          <DesignerScreen key={route.applicationId} applicationId={route.applicationId} />
        </Suspense>
      ) : route.name === 'businessHours' ? (
        <Suspense fallback={<div className="splash">Loading…</div>}>
          <BusinessHoursScreen />
        </Suspense>
      ) : route.name === 'callbackSettings' ? (
        <Suspense fallback={<div className="splash">Loading…</div>}>
          <CallbackSettingsScreen />
        </Suspense>
      ) : (
        <ApplicationsScreen unknownPath={route.name === 'applications' ? route.unknownPath : undefined} />
      )}
    </div>
  );
}
