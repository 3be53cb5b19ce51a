extension NumberText {
    /// The `Double` nearest `significand` × 10^`exponent` (ties to even), or `nil` when this
    /// fast method cannot be sure and the caller must ask a complete parser.
    ///
    /// The Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021,
    /// §5 and §6): one or two 64×64-bit multiplications by a 128-bit power of five give
    /// enough bits to round correctly, except in cases it detects. Those, subnormal results
    /// and exponents outside the table return `nil`, so the answer, when there is one, is
    /// exactly what a correctly rounded parser returns (`+infinity` past the largest finite
    /// `Double`). The significand must be exact: all of the number's digits.
    ///
    /// Readers use it for the numbers Clinger's one-multiplication path cannot take: more
    /// than 15 or 16 significant digits, or a power of ten past 10^22 — `-65.613616999999977`.
    @inlinable
    public static func double(significand: UInt64, exponent: Int) -> Double? {
        if significand == 0 { return 0 }
        guard exponent >= -342, exponent <= 308 else { return nil }
        // Normalize, so the product's top bits hold the 54 bits that matter.
        let leadingZeros = significand.leadingZeroBitCount
        let normalized = significand << UInt64(leadingZeros)
        let index = (exponent &+ 342) &* 2
        var (high, low) = powersOfFive.withUnsafeBufferPointer { powers in
            normalized.multipliedFullWidth(by: powers[index])
        }
        // When the bits below the 55 needed are all ones, a carry from the power's low word
        // could still change them: take the second word into account.
        let mask: UInt64 = .max >> 55
        if high & mask == mask {
            let second = powersOfFive.withUnsafeBufferPointer { powers in
                normalized.multipliedFullWidth(by: powers[index &+ 1]).high
            }
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
        }
        // Still all ones: the 128-bit product may be short of the truth (§5), except where
        // the power of five is exact.
        if low == .max, exponent < -27 || exponent > 55 { return nil }
        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit &+ 9)  // 64 - 52 explicit bits - 3
        var mantissa = high >> shift
        // ⌊log2(10^q)⌋ as (q × 217706) >> 16, exact for |q| ≤ 342, plus the bias.
        var biasedExponent = ((exponent &* 217_706) >> 16) &+ 63 &+ upperBit &- leadingZeros &+ 1023
        guard biasedExponent > 0 else { return nil }  // subnormal: rare, left to the complete parser
        // Exactly halfway between two doubles (possible only where 5^q is exact, §6): round
        // to even rather than up.
        if low <= 1, exponent >= -4, exponent <= 23, mantissa & 3 == 1, mantissa << shift == high {
            mantissa &= ~1
        }
        mantissa &+= mantissa & 1
        mantissa >>= 1
        if mantissa >= 2 << 52 {
            // Rounding carried into a new bit.
            mantissa = 1 << 52
            biasedExponent &+= 1
        }
        if biasedExponent >= 0x7FF { return .infinity }
        return Double(
            sign: .plus, exponentBitPattern: UInt(biasedExponent), significandBitPattern: mantissa & ((1 << 52) - 1))
    }
}
