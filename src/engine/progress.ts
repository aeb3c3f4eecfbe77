// Progress of a run, for front ends that show it (the CLI's progress line). Optional everywhere: the
// engine calls it between steps and never waits on it.

export type ProgressPhase = 'discovering' | 'reading' | 'analysing' | 'reporting';

export interface ProgressEvent {
  phase: ProgressPhase;
  /** Files done in this phase; 0 of 0 while the total is not known yet (discovery). */
  done: number;
  total: number;
}

export type OnProgress = (p: ProgressEvent) => void;
