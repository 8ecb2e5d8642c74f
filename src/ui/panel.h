/* panel — stub */
#ifndef BALIE_UI_PANEL_H
#define BALIE_UI_PANEL_H
#endif
