import { useCallback, useEffect, useState } from 'react';
import { fetchMe, login as loginRequest, logout as logoutRequest, type User } from './api.js';

export interface Session {
  readonly user: User | null;
  /** Editors and admins may change the graph. */
  readonly canEdit: boolean;
  readonly login: (email: string, password: string) => Promise<User>;
  readonly logout: () => Promise<void>;
}

/** Who is logged in (the HTTP-only session cookie is the server's; this only asks `me`). */
export function useSession(): Session {
  const [user, setUser] = useState<User | null>(null);
  useEffect(() => {
    fetchMe()
      .then(setUser)
      .catch(() => setUser(null));
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    const who = await loginRequest(email, password);
    setUser(who);
    return who;
  }, []);
  const logout = useCallback(async () => {
    await logoutRequest();
    setUser(null);
  }, []);
  return { user, canEdit: user?.role === 'EDITOR' || user?.role === 'ADMIN', login, logout };
}
