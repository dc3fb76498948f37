import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './shell/app-layout';
import { HomePage } from './shell/home-page';
import { LoginPage } from './shell/login-page';
import { pageModules } from './shell/modules';
import { NotFoundPage } from './shell/not-found-page';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        {pageModules
          .flatMap((m) => m.routes)
          .map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
