/** Unit tests run in Node without `browser.i18n`: platform/i18n.ts serves the English messages. */

import { flatMessages } from '../../scripts/locales.mjs';
import { useMessages } from '../../src/platform/i18n';

useMessages(flatMessages('en'));
