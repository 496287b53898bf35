//! Template storage and exchange formats (the versioned wire form and ISO/IEC 19794-2:2005).
