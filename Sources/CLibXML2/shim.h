#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its ICU headers clash with Foundation's
// bundled ICU ("'UErrorCode' has different definitions"). We use no ICU API.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xmlreader.h>
// Swift 6 rejects the global function pointer `xmlFree` as shared mutable state.
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
