/* theme — stub */
#ifndef BALIE_UI_THEME_H
#define BALIE_UI_THEME_H
#endif
