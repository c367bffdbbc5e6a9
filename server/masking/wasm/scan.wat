;; The masking engine's scans over every byte of output, as WebAssembly: the start filter's
;; table scan (table-scan.ts `tableScan`), the same with the run search's runs
;; (table-and-run-scan.ts `jsRunEvents`), the hold-back's backward scan (reach-start.ts
;; `reachStartOf`) and the search for the next hidden byte (hidden-bytes.ts `nextHidden`). They
;; compute exactly what the JavaScript does (scan-module.test.ts compares
;; them on the corpora and on random bytes); V8 compiles them without the map, bounds and length
;; checks that each array read costs in JavaScript, and the hidden-byte search reads 16 bytes at
;; a time.
;;
;; Compiled into scan-module.ts by `npm run build:wasm` (scripts/build-wasm.mjs): edit this
;; file, then run it.
;;
;; Memory is the importer's. For the table scan it starts with the filter's tables (see
;; wasm-scans.ts, which writes them):
;;   0     before     i32[257]  the signatures allowing the byte before (index 256: none)
;;   1040  at[0..7]   i32[256]  per position k at 1040 + 1024 k: the signatures allowing a byte there
;;   9232  nibbles    u8[128]   nibble-buckets.ts's tables for the first test
;;   9360  run bytes  u8[32]    the run classes' bytes (tableRunScan), by half-bytes
;;   9424  run start  i32       tableRunScan's second result
;;   9472  reach sets u8[32] each, for reachStart, by half-bytes (wasm-scans.ts writes them)
;; and the bytes to scan follow them (at `p`).
(module
  (memory (import "env" "memory") 1)

  ;; The first position i in [from, stop) of the bytes at p where table-scan.ts's test passes (a
  ;; candidate), or stop (from if from >= stop). The caller keeps stop at most the length minus 7,
  ;; so the eight bytes the test reads at i are the text's; up to 18 bytes past stop are read but
  ;; not tested (the caller leaves room for them).
  ;;
  ;; Sixteen positions at a time, a first test (nibble-buckets.ts): per bucket of signatures,
  ;; whether the first four bytes may be in its sets, from their half-bytes (swizzle is a 16-entry
  ;; table lookup per lane). It lets through a superset of what every signature's test accepts,
  ;; which then runs on the positions that passed (about 6 % of ordinary output).
  (func (export "tableScan") (param $p i32) (param $from i32) (param $stop i32) (result i32)
    (local $i i32) (local $q i32) (local $hits i32) (local $j i32) (local $r i32)
    (local $low0 v128) (local $high0 v128) (local $low1 v128) (local $high1 v128)
    (local $low2 v128) (local $high2 v128) (local $low3 v128) (local $high3 v128)
    (local $v v128) (local $fifteen v128)
    (if (i32.ge_u (local.get $from) (local.get $stop)) (then (return (local.get $from))))
    (local.set $fifteen (i8x16.splat (i32.const 15)))
    (local.set $low0 (v128.load (i32.const 9232)))
    (local.set $high0 (v128.load (i32.const 9248)))
    (local.set $low1 (v128.load (i32.const 9264)))
    (local.set $high1 (v128.load (i32.const 9280)))
    (local.set $low2 (v128.load (i32.const 9296)))
    (local.set $high2 (v128.load (i32.const 9312)))
    (local.set $low3 (v128.load (i32.const 9328)))
    (local.set $high3 (v128.load (i32.const 9344)))
    (local.set $i (local.get $from))
    (loop $sixteen
      (local.set $q (i32.add (local.get $p) (local.get $i)))
      ;; Per lane, the buckets whose sets may hold byte k of a match at that position, for k = 0..3.
      (local.set $hits
        (i8x16.bitmask
          (i8x16.ne
            (v128.and
              (v128.and
                  (v128.and
                    (i8x16.swizzle (local.get $low0) (v128.and (local.tee $v (v128.load (local.get $q))) (local.get $fifteen)))
                    (i8x16.swizzle (local.get $high0) (i8x16.shr_u (local.get $v) (i32.const 4))))
                  (v128.and
                    (i8x16.swizzle (local.get $low1) (v128.and (local.tee $v (v128.load offset=1 (local.get $q))) (local.get $fifteen)))
                    (i8x16.swizzle (local.get $high1) (i8x16.shr_u (local.get $v) (i32.const 4)))))
              (v128.and
                  (v128.and
                    (i8x16.swizzle (local.get $low2) (v128.and (local.tee $v (v128.load offset=2 (local.get $q))) (local.get $fifteen)))
                    (i8x16.swizzle (local.get $high2) (i8x16.shr_u (local.get $v) (i32.const 4))))
                  (v128.and
                    (i8x16.swizzle (local.get $low3) (v128.and (local.tee $v (v128.load offset=3 (local.get $q))) (local.get $fifteen)))
                    (i8x16.swizzle (local.get $high3) (i8x16.shr_u (local.get $v) (i32.const 4))))))
            (v128.const i32x4 0 0 0 0))))
      ;; Fewer than 16 positions left before stop: the lanes past it are not positions to test.
      (local.set $r (i32.sub (local.get $stop) (local.get $i)))
      (if (i32.lt_u (local.get $r) (i32.const 16))
        (then (local.set $hits (i32.and (local.get $hits) (i32.sub (i32.shl (i32.const 1) (local.get $r)) (i32.const 1))))))
      ;; The positions that passed, lowest first: every signature's test at once, as table-scan.ts's
      ;; (the byte before, index 256 at the start of the text, and the eight bytes from j).
      (block $none
        (loop $hit
          (br_if $none (i32.eqz (local.get $hits)))
          (local.set $j (i32.add (local.get $i) (i32.ctz (local.get $hits))))
          (local.set $q (i32.add (local.get $p) (local.get $j)))
          (if (i32.and
                (i32.and
                  (i32.and
                    (i32.and
                      (i32.load offset=0
                        (i32.shl
                          (if (result i32) (i32.eqz (local.get $j))
                            (then (i32.const 256))
                            (else (i32.load8_u (i32.sub (local.get $q) (i32.const 1)))))
                          (i32.const 2)))
                      (i32.load offset=1040 (i32.shl (i32.load8_u (local.get $q)) (i32.const 2))))
                    (i32.and
                      (i32.load offset=2064 (i32.shl (i32.load8_u offset=1 (local.get $q)) (i32.const 2)))
                      (i32.load offset=3088 (i32.shl (i32.load8_u offset=2 (local.get $q)) (i32.const 2)))))
                  (i32.and
                    (i32.and
                      (i32.load offset=4112 (i32.shl (i32.load8_u offset=3 (local.get $q)) (i32.const 2)))
                      (i32.load offset=5136 (i32.shl (i32.load8_u offset=4 (local.get $q)) (i32.const 2))))
                    (i32.and
                      (i32.load offset=6160 (i32.shl (i32.load8_u offset=5 (local.get $q)) (i32.const 2)))
                      (i32.load offset=7184 (i32.shl (i32.load8_u offset=6 (local.get $q)) (i32.const 2))))))
                (i32.load offset=8208 (i32.shl (i32.load8_u offset=7 (local.get $q)) (i32.const 2))))
            (then (return (local.get $j))))
          (local.set $hits (i32.and (local.get $hits) (i32.sub (local.get $hits) (i32.const 1))))
          (br $hit)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $sixteen (i32.lt_u (local.get $i) (local.get $stop))))
    (local.get $stop))

  ;; table-and-run-scan.ts's `jsRunEvents` loop, for a filter that also has rules found by a long
  ;; run of one class of bytes (run-scan.ts): the first position i in [from, stop) that is a table
  ;; candidate, as tableScan finds them, or ends a run (a byte outside the runs' classes after at
  ;; least `least` bytes in them, counted from `runStart`), or stop. Where both hold at i, i is
  ;; returned once, as the run's end. Where the run at i starts (after the last byte outside the
  ;; classes before i, or runStart if there is none; for a candidate on a byte outside the classes,
  ;; i + 1) is stored at 9424 for the caller, which judges the run. `least` is at least 16
  ;; (run-scan.ts's MIN_RUN).
  ;;
  ;; Sixteen positions at a time, as tableScan, whose first test and exact test are written out
  ;; again here: the table scan alone (the default rules) stays exactly as it was, and Node 20's V8
  ;; does not inline WebAssembly calls (a call per block cost 40 % of the table scan's time,
  ;; measured). The classes' bytes are tested exactly by half-bytes (per high half-byte h, the low half-bytes in the
  ;; classes: bit h of the table at 9360 for h < 8, of the one at 9376 for h >= 8). A run of at least
  ;; 16 bytes can end only at the block's first byte outside the classes: one test per block.
  (func (export "tableRunScan") (param $p i32) (param $from i32) (param $stop i32) (param $runStart i32) (param $least i32) (result i32)
    (local $i i32) (local $q i32) (local $hits i32) (local $j i32) (local $r i32) (local $outside i32) (local $end i32)
    (local $low0 v128) (local $high0 v128) (local $low1 v128) (local $high1 v128)
    (local $low2 v128) (local $high2 v128) (local $low3 v128) (local $high3 v128)
    (local $v v128) (local $fifteen v128)
    (local.set $fifteen (i8x16.splat (i32.const 15)))
    (local.set $low0 (v128.load (i32.const 9232)))
    (local.set $high0 (v128.load (i32.const 9248)))
    (local.set $low1 (v128.load (i32.const 9264)))
    (local.set $high1 (v128.load (i32.const 9280)))
    (local.set $low2 (v128.load (i32.const 9296)))
    (local.set $high2 (v128.load (i32.const 9312)))
    (local.set $low3 (v128.load (i32.const 9328)))
    (local.set $high3 (v128.load (i32.const 9344)))
    (local.set $i (local.get $from))
    (block $scanned
      (br_if $scanned (i32.ge_u (local.get $from) (local.get $stop)))
      (loop $sixteen
        (local.set $q (i32.add (local.get $p) (local.get $i)))
        ;; Per lane, the buckets whose sets may hold byte k of a match at that position, for k = 0..3.
        (local.set $hits
          (i8x16.bitmask
            (i8x16.ne
              (v128.and
                (v128.and
                    (v128.and
                      (i8x16.swizzle (local.get $low0) (v128.and (local.tee $v (v128.load (local.get $q))) (local.get $fifteen)))
                      (i8x16.swizzle (local.get $high0) (i8x16.shr_u (local.get $v) (i32.const 4))))
                    (v128.and
                      (i8x16.swizzle (local.get $low1) (v128.and (local.tee $v (v128.load offset=1 (local.get $q))) (local.get $fifteen)))
                      (i8x16.swizzle (local.get $high1) (i8x16.shr_u (local.get $v) (i32.const 4)))))
                (v128.and
                    (v128.and
                      (i8x16.swizzle (local.get $low2) (v128.and (local.tee $v (v128.load offset=2 (local.get $q))) (local.get $fifteen)))
                      (i8x16.swizzle (local.get $high2) (i8x16.shr_u (local.get $v) (i32.const 4))))
                    (v128.and
                      (i8x16.swizzle (local.get $low3) (v128.and (local.tee $v (v128.load offset=3 (local.get $q))) (local.get $fifteen)))
                      (i8x16.swizzle (local.get $high3) (i8x16.shr_u (local.get $v) (i32.const 4))))))
              (v128.const i32x4 0 0 0 0))))
        ;; Fewer than 16 positions left before stop: the lanes past it are not positions to test.
        (local.set $r (i32.sub (local.get $stop) (local.get $i)))
        (if (i32.lt_u (local.get $r) (i32.const 16))
          (then (local.set $hits (i32.and (local.get $hits) (i32.sub (i32.shl (i32.const 1) (local.get $r)) (i32.const 1))))))
        ;; The lanes whose byte is outside every run's class, and a long run's end among them (lane
        ;; $end; 16: none), before which the table's candidates come first.
        (local.set $end (i32.const 16))
        (local.set $v (v128.load (local.get $q)))
        (local.set $outside
          (i32.xor
            (i8x16.bitmask
              (i8x16.ne
                (v128.or
                  (v128.and
                    (i8x16.swizzle (v128.load (i32.const 9360)) (v128.and (local.get $v) (local.get $fifteen)))
                    (i8x16.swizzle (v128.const i8x16 1 2 4 8 16 32 64 128 0 0 0 0 0 0 0 0) (i8x16.shr_u (local.get $v) (i32.const 4))))
                  (v128.and
                    (i8x16.swizzle (v128.load (i32.const 9376)) (v128.and (local.get $v) (local.get $fifteen)))
                    (i8x16.swizzle (v128.const i8x16 0 0 0 0 0 0 0 0 1 2 4 8 16 32 64 128) (i8x16.shr_u (local.get $v) (i32.const 4)))))
                (v128.const i32x4 0 0 0 0)))
            (i32.const 0xffff)))
        (if (i32.lt_u (local.get $r) (i32.const 16))
          (then (local.set $outside (i32.and (local.get $outside) (i32.sub (i32.shl (i32.const 1) (local.get $r)) (i32.const 1))))))
        (if (i32.and
              (i32.ne (local.get $outside) (i32.const 0))
              (i32.ge_s (i32.sub (i32.add (local.get $i) (i32.ctz (local.get $outside))) (local.get $runStart)) (local.get $least)))
          (then
            (local.set $end (i32.ctz (local.get $outside)))
            (local.set $hits (i32.and (local.get $hits) (i32.sub (i32.shl (i32.const 1) (local.get $end)) (i32.const 1))))))
        ;; The positions that passed, lowest first: every signature's test at once, as table-scan.ts's
        ;; (the byte before, index 256 at the start of the text, and the eight bytes from j).
        (block $none
          (loop $hit
            (br_if $none (i32.eqz (local.get $hits)))
            (local.set $j (i32.add (local.get $i) (i32.ctz (local.get $hits))))
            (local.set $q (i32.add (local.get $p) (local.get $j)))
            (if (i32.and
                  (i32.and
                    (i32.and
                      (i32.and
                        (i32.load offset=0
                          (i32.shl
                            (if (result i32) (i32.eqz (local.get $j))
                              (then (i32.const 256))
                              (else (i32.load8_u (i32.sub (local.get $q) (i32.const 1)))))
                            (i32.const 2)))
                        (i32.load offset=1040 (i32.shl (i32.load8_u (local.get $q)) (i32.const 2))))
                      (i32.and
                        (i32.load offset=2064 (i32.shl (i32.load8_u offset=1 (local.get $q)) (i32.const 2)))
                        (i32.load offset=3088 (i32.shl (i32.load8_u offset=2 (local.get $q)) (i32.const 2)))))
                    (i32.and
                      (i32.and
                        (i32.load offset=4112 (i32.shl (i32.load8_u offset=3 (local.get $q)) (i32.const 2)))
                        (i32.load offset=5136 (i32.shl (i32.load8_u offset=4 (local.get $q)) (i32.const 2))))
                      (i32.and
                        (i32.load offset=6160 (i32.shl (i32.load8_u offset=5 (local.get $q)) (i32.const 2)))
                        (i32.load offset=7184 (i32.shl (i32.load8_u offset=6 (local.get $q)) (i32.const 2))))))
                  (i32.load offset=8208 (i32.shl (i32.load8_u offset=7 (local.get $q)) (i32.const 2))))
              (then
                ;; The run holding j starts after the last byte outside at or before j.
                (local.set $outside (i32.and (local.get $outside) (i32.sub (i32.shl (i32.const 2) (i32.sub (local.get $j) (local.get $i))) (i32.const 1))))
                (if (local.get $outside)
                  (then (local.set $runStart (i32.sub (i32.add (local.get $i) (i32.const 32)) (i32.clz (local.get $outside))))))
                (local.set $i (local.get $j))
                (br $scanned)))
            (local.set $hits (i32.and (local.get $hits) (i32.sub (local.get $hits) (i32.const 1))))
            (br $hit)))
        (if (i32.lt_u (local.get $end) (i32.const 16))
          (then
            (local.set $i (i32.add (local.get $i) (local.get $end)))
            (br $scanned)))
        (if (local.get $outside)
          (then (local.set $runStart (i32.sub (i32.add (local.get $i) (i32.const 32)) (i32.clz (local.get $outside))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br_if $sixteen (i32.lt_u (local.get $i) (local.get $stop))))
      (local.set $i (local.get $stop)))
    (i32.store (i32.const 9424) (local.get $runStart))
    (local.get $i))

  ;; The first position j in [from, n] from which every byte of the bytes at p up to n is in the
  ;; set whose half-byte tables are at $set (32 bytes, as the run classes' at 9360): n if the last
  ;; byte is not (reach-start.ts's `reachStartOf`: where a match in progress at the end of the text
  ;; may begin). Sixteen bytes at a time, backwards; the lanes below from are not read as text (the
  ;; last block may start before p, in the zeroed bytes before the data area).
  (func (export "reachStart") (param $p i32) (param $from i32) (param $n i32) (param $set i32) (result i32)
    (local $k i32) (local $v v128) (local $outside i32) (local $low v128) (local $high v128)
    (local.set $k (local.get $n))
    (block $found
      (loop $sixteen
        (br_if $found (i32.le_s (local.get $k) (local.get $from)))
        (local.set $v (v128.load (i32.sub (i32.add (local.get $p) (local.get $k)) (i32.const 16))))
        (local.set $low (v128.and (local.get $v) (i8x16.splat (i32.const 15))))
        (local.set $high (i8x16.shr_u (local.get $v) (i32.const 4)))
        (local.set $outside
          (i32.xor
            (i8x16.bitmask
              (i8x16.ne
                (v128.or
                  (v128.and
                    (i8x16.swizzle (v128.load (local.get $set)) (local.get $low))
                    (i8x16.swizzle (v128.const i8x16 1 2 4 8 16 32 64 128 0 0 0 0 0 0 0 0) (local.get $high)))
                  (v128.and
                    (i8x16.swizzle (v128.load offset=16 (local.get $set)) (local.get $low))
                    (i8x16.swizzle (v128.const i8x16 0 0 0 0 0 0 0 0 1 2 4 8 16 32 64 128) (local.get $high))))
                (v128.const i32x4 0 0 0 0)))
            (i32.const 0xffff)))
        ;; The block starts before from: its first lanes are not positions to look at.
        (if (i32.lt_s (i32.sub (local.get $k) (i32.const 16)) (local.get $from))
          (then
            (local.set $outside
              (i32.and (local.get $outside)
                (i32.xor (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $from) (i32.sub (local.get $k) (i32.const 16)))) (i32.const 1)) (i32.const -1))))))
        ;; The last byte outside the set: j is the position after it.
        (if (local.get $outside)
          (then (return (i32.sub (local.get $k) (i32.sub (i32.clz (local.get $outside)) (i32.const 16))))))
        (local.set $k (i32.sub (local.get $k) (i32.const 16)))
        (br $sixteen)))
    (local.get $from))

  ;; The first position i in [from, n) of the bytes at p holding a byte below 0x09 (BS included),
  ;; from 0x0e to 0x1f, 0x7f or from 0x80, or n: where ansi.ts looks closer (an escape, a control
  ;; the screen drops, a character that may be drawn as nothing). TAB, LF, VT, FF and CR are text.
  (func (export "nextHidden") (param $p i32) (param $from i32) (param $n i32) (result i32)
    (local $i i32) (local $v v128) (local $hits v128) (local $b i32)
    (local.set $i (local.get $from))
    (block $tail
      (loop $sixteen
        (br_if $tail (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $n)))
        (local.set $v (v128.load (i32.add (local.get $p) (local.get $i))))
        (local.set $hits
          (v128.or
            (v128.or
              (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 0x09)))
              ;; 0x0e..0x1f: v - 0x0e below 0x12, wrapping
              (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 0x0e))) (i8x16.splat (i32.const 0x12))))
            (v128.or
              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x7f)))
              ;; from 0x80: negative as a signed byte
              (i8x16.lt_s (local.get $v) (i8x16.splat (i32.const 0))))))
        (if (v128.any_true (local.get $hits))
          (then (return (i32.add (local.get $i) (i32.ctz (i8x16.bitmask (local.get $hits)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $sixteen)))
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (if (i32.or
              (i32.or
                (i32.lt_u (local.get $b) (i32.const 0x09))
                (i32.lt_u (i32.sub (local.get $b) (i32.const 0x0e)) (i32.const 0x12)))
              (i32.ge_u (local.get $b) (i32.const 0x7f)))
          (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (local.get $n)))
