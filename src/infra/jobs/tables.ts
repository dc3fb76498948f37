import type { Generated } from 'kysely';

export interface JobTables {
  jobs: {
    id: Generated<number>;
    type: string;
    payload: string;
    status: 'queued' | 'running' | 'done' | 'failed';
    progress_done: number;
    progress_total: number | null;
    progress_message: string | null;
    attempts: number;
    run_at: string;
    locked_until: string | null;
    result: string | null;
    error: string | null;
    created_at: string;
    updated_at: string;
  };
  job_schedules: {
    name: string;
    last_run_at: string | null;
    next_run_at: string;
  };
}
