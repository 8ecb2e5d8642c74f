/* keys — stub */
#ifndef BALIE_UI_KEYS_H
#define BALIE_UI_KEYS_H
#endif
