import type { ExcelHost } from "../../src/store/backend";

export interface SettingsStorage {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
  has?(key: string): boolean;
}

export declare class FakeWorkbook {
  constructor(storage?: SettingsStorage);
  storage: SettingsStorage;
  failNextSync: Error | undefined;
  failNextWrite: Error | undefined;
  syncDelayMs: number;
  syncs: number;
  writes: number;
  excel(): ExcelHost;
  remoteSave(key: string, value: string): void;
}
