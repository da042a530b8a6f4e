import { defineMessages } from '../define-messages.ts';

export const messages = defineMessages({ en: {}, fr: {}, es: {}, ar: {} });
