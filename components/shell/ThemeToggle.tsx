'use client';

import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark' | 'system';
const KEY = 'porthole-theme';

function apply(theme: Theme) {
  const isDark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', isDark);
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') setTheme(saved);
  }, []);
  return (
    <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span className="sr-only">Theme</span>
      <select
        aria-label="Theme"
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          if (next === 'system') localStorage.removeItem(KEY);
          else localStorage.setItem(KEY, next);
          apply(next);
        }}
        className="rounded-md border-0 bg-transparent py-1 pr-6 pl-1 text-xs focus:ring-1 focus:ring-indigo-500"
      >
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
