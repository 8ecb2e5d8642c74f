/* dialog — stub */
#ifndef BALIE_UI_DIALOG_H
#define BALIE_UI_DIALOG_H
#endif
