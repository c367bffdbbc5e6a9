import type { ITheme } from '@xterm/xterm';

/** Dark in both app themes: a terminal is easier to read with the colours programs expect. */
export const TERMINAL_THEME: ITheme = {
  background: '#0b0d12',
  foreground: '#d8dee9',
  cursor: '#e5e9f0',
  cursorAccent: '#0b0d12',
  selectionBackground: '#3b4a6b',
  selectionForeground: '#ffffff',
  black: '#1c2029',
  red: '#f07178',
  green: '#a3d977',
  yellow: '#f0c674',
  blue: '#6cb6ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#d8dee9',
  brightBlack: '#6b7280',
  brightRed: '#ff8a8f',
  brightGreen: '#bff09a',
  brightYellow: '#ffd98e',
  brightBlue: '#94ccff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#a5f3f8',
  brightWhite: '#ffffff',
};
