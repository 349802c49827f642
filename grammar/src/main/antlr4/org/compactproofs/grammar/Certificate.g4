/*
 * The certificate language, version 1. See docs/language.md.
 *
 * A certificate is line-oriented text, read one line at a time (the checker streams: it never needs the whole
 * file in memory). This grammar defines one line; the order of lines is the reader's business. A whole
 * certificate, accepted for certificates/models/max-of-4/seed-123.safetensors (the model line is the SHA-256
 * of the weights file):
 *
 *   compact-proofs certificate 1                  version line (first)
 *   model sha256:ed3d300606d8b210a15c5601dc5867f75e0d08eab8c44e0d6742f5258429fa10
 *   task max-of-k vocab 64 context 4 distribution uniform
 *   claim correct 16772770 of 16777216            exact count of correct inputs
 *   strategy brute-force
 *   brute-force                                   steps: a rule name, then its fields
 *
 * A step is a rule name followed by fields, each a name and its value, e.g. this case of rule C1 (strategy
 * cubic, docs/language.md), also accepted for that model:
 *   case query 12 max 40 nonmax 2 upto 35 count 3888
 * Comments run from '#' to the end of the line. Every number denotes an exact rational: an integer, p/q, a
 * decimal (optionally with an exponent), or a hexadecimal floating-point literal (0x1.8p-3).
 */
grammar Certificate;

line        : statement? EOF ;

statement   : versionLine | modelLine | taskLine | claimLine | strategyLine | step ;

versionLine : 'compact-proofs' 'certificate' INT ;
modelLine   : 'model' SHA256 ;
taskLine    : 'task' 'max-of-k' 'vocab' INT 'context' INT 'distribution' 'uniform' ;
claimLine   : 'claim' 'correct' INT 'of' INT ;
strategyLine: 'strategy' NAME ;

step        : ruleName=NAME field* ;
field       : key=NAME value ;
value       : number | NAME ;

number      : INT | RATIO | DECIMAL | HEXFLOAT ;

SHA256   : 'sha256:' [0-9a-fA-F]+ ;   // the length (64) is checked by the reader
HEXFLOAT : '-'? '0' [xX] [0-9a-fA-F]+ ('.' [0-9a-fA-F]*)? [pP] [+-]? [0-9]+ ;
RATIO    : '-'? [0-9]+ '/' [0-9]+ ;
DECIMAL  : '-'? [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? | '-'? [0-9]+ [eE] [+-]? [0-9]+ ;
INT      : '-'? [0-9]+ ;
NAME     : [a-z] [a-z0-9_+-]* ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t]+ -> skip ;
/* anything else is one bad character, reported with its column */
BAD      : . ;
