/* draw — stub */
#ifndef BALIE_UI_DRAW_H
#define BALIE_UI_DRAW_H
#endif
