/** Every keyboard shortcut of the Designer, as the help dialog (`?`) lists them. */
export interface Shortcut {
  keys: string[];
  action: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Editing',
    shortcuts: [
      { keys: ['Ctrl', 'Z'], action: 'Undo' },
      { keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo (also Ctrl+Y)' },
      { keys: ['Ctrl', 'C'], action: 'Copy the selected blocks' },
      { keys: ['Ctrl', 'V'], action: 'Paste blocks (also into another application)' },
      { keys: ['Delete'], action: 'Delete the selected blocks or link (also Backspace)' },
    ],
  },
  {
    title: 'Canvas',
    shortcuts: [
      { keys: ['Ctrl', 'Click'], action: 'Add a block to the selection' },
      { keys: ['Right-click'], action: 'Block menu: breakpoint, phase start, delete' },
      { keys: ['Tab'], action: 'Move focus between blocks; Enter selects' },
      { keys: ['Arrow keys'], action: 'Nudge the selected blocks' },
    ],
  },
  {
    title: 'Palette',
    shortcuts: [
      { keys: ['↑ ↓'], action: 'Move between blocks in the palette (Home, End too)' },
      { keys: ['Enter'], action: "Add the block to the selected block's phase, or the first allowed one" },
    ],
  },
  {
    title: 'Test call',
    shortcuts: [
      { keys: ['F9'], action: 'Toggle a breakpoint on the selected blocks' },
      { keys: ['F10'], action: 'Step one block while paused' },
      { keys: ['F8'], action: 'Continue while paused' },
    ],
  },
  { title: 'Help', shortcuts: [{ keys: ['?'], action: 'Show this list' }] },
];
