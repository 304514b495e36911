/**
 * The first-run welcome tab (issue 13 §7), opened once by the background on install (never on
 * an update): what Image Vault does, what it may do and why, and where to go next. Static
 * HTML in the browser's language; nothing is asked of the background.
 */
import { localizeDocument } from '../platform/i18n';

localizeDocument();
document.body.dataset.ready = 'true';
