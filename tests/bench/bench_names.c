/* bench_names — stub */
int main(void) { return 0; }
