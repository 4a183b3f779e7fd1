// The gol trace page (runtime/trace/page.html and page.js), embedded at build time by
// tools/embed_text.sh into build/gen/trace_page.c. page.html holds the marks /*TRACE_JS*/
// (page.js goes there) and TRACE_JSON (the trace's JSON goes there).
#ifndef GOL_TRACE_PAGE_H
#define GOL_TRACE_PAGE_H

extern const char trace_page_html[];
extern const char trace_page_js[];

#endif
