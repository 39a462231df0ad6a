import type {
  Assessment,
  CreateLetterInput,
  DeductionEntryInput,
  Letter,
  LetterDetail,
  ManualScoresInput,
  UpdateLetterInput,
} from '@lianxi/domain';
import type { z } from 'zod';
import { patch, post } from './client';

export const createLetter = (body: z.input<typeof CreateLetterInput>) =>
  post<Letter>('/api/letters', body);
export const updateLetter = (id: string, body: z.input<typeof UpdateLetterInput>) =>
  patch<Letter>(`/api/letters/${id}`, body);
export const issueLetter = (id: string) => post<Letter>(`/api/letters/${id}/issue`);
export const signLetter = (id: string) => post<Letter>(`/api/letters/${id}/sign`);
export const scoreLetter = (id: string, body: z.input<typeof ManualScoresInput>) =>
  post<LetterDetail>(`/api/letters/${id}/scores`, body);
export const deductFromLetter = (id: string, body: z.input<typeof DeductionEntryInput>) =>
  post<LetterDetail>(`/api/letters/${id}/deductions`, body);
export const finalizeAssessment = (id: string) =>
  post<Assessment>(`/api/letters/${id}/assessment/finalize`);
