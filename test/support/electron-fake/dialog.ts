// dialog (part of the electron fake): records every message box and answers with a scripted button.
export interface MessageBoxOptions {
  type?: string;
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}

export const dialog = {
  shown: [] as MessageBoxOptions[],
  /** The button index the next boxes answer with (a test sets it; 0 = the first button). */
  response: 0,
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    // Electron accepts (options) or (window, options).
    const options = (args.length > 1 ? args[1] : args[0]) as MessageBoxOptions;
    this.shown.push(options);
    return Promise.resolve({ response: this.response, checkboxChecked: false });
  },
  reset(): void {
    this.shown = [];
    this.response = 0;
  },
};
