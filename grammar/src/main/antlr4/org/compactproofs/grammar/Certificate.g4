/*
 * The certificate language, version 1 (draft: the header only; steps and rules arrive with issue 4).
 *
 * A certificate is line-oriented text. Comments run from '#' to the end of the line. Every number denotes an
 * exact rational: an integer, p/q, a decimal, or a hexadecimal floating-point literal (0x1.8p-3).
 *
 *   compact-proofs certificate 1
 *   model sha256:<64 hex digits>
 *   task max-of-k vocab 64 context 4 distribution uniform
 *   claim correct 16746440 of 16777216      # 0.99816
 *   strategy brute-force
 *   <step lines: rule name followed by its witnesses>
 */
grammar Certificate;

certificate : NL* header body EOF ;

header      : versionLine modelLine taskLine claimLine strategyLine ;
versionLine : 'compact-proofs' 'certificate' INT NL+ ;
modelLine   : 'model' SHA256 NL+ ;
taskLine    : 'task' 'max-of-k' 'vocab' INT 'context' INT 'distribution' 'uniform' NL+ ;
claimLine   : 'claim' 'correct' INT 'of' INT NL+ ;
strategyLine: 'strategy' NAME NL+ ;

body        : step* ;
step        : NAME (number | NAME)* (NL+ | EOF) ;

number      : INT | RATIO | DECIMAL | HEXFLOAT ;

SHA256   : 'sha256:' [0-9a-f]+ ;   // the length (64) is checked by the reader
INT      : '-'? [0-9]+ ;
RATIO    : '-'? [0-9]+ '/' [0-9]+ ;
DECIMAL  : '-'? [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)? ;
HEXFLOAT : '-'? '0x' [0-9a-fA-F]+ ('.' [0-9a-fA-F]*)? 'p' [+-]? [0-9]+ ;
NAME     : [a-z] [a-z0-9_-]* ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t]+ -> skip ;
NL       : '\r'? '\n' ;
