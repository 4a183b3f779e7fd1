// The error function, its complement and inverses (Erf, Erfc, Erfinv, Erfcinv) and Gamma:
// Go's erf.go (FreeBSD's s_erf.c), erfinv.go (Giles' rational approximations) and
// gamma.go (Cephes) transcribed, so results are Go's bit for bit on the bit-exact Exp,
// Log, Pow and Sin of math.go (gol's float arithmetic never fuses a multiply-add).
package math

// Coefficients of erf.go: erx = (float)0.84506291151, the rational approximations on
// [0, 0.84375] (pp/qq), [0.84375, 1.25] (pa/qa), [1.25, 1/0.35] (ra/sa), [1/0.35, 28]
// (rb/sb).
const (
	erx  = 8.45062911510467529297e-01
	efx  = 1.28379167095512586316e-01
	efx8 = 1.02703333676410069053e+00
	pp0  = 1.28379167095512558561e-01
	pp1  = -3.25042107247001499370e-01
	pp2  = -2.84817495755985104766e-02
	pp3  = -5.77027029648944159157e-03
	pp4  = -2.37630166566501626084e-05
	qq1  = 3.97917223959155352819e-01
	qq2  = 6.50222499887672944485e-02
	qq3  = 5.08130628187576562776e-03
	qq4  = 1.32494738004321644526e-04
	qq5  = -3.96022827877536812320e-06
	pa0  = -2.36211856075265944077e-03
	pa1  = 4.14856118683748331666e-01
	pa2  = -3.72207876035701323847e-01
	pa3  = 3.18346619901161753674e-01
	pa4  = -1.10894694282396677476e-01
	pa5  = 3.54783043256182359371e-02
	pa6  = -2.16637559486879084300e-03
	qa1  = 1.06420880400844228286e-01
	qa2  = 5.40397917702171048937e-01
	qa3  = 7.18286544141962662868e-02
	qa4  = 1.26171219808761642112e-01
	qa5  = 1.36370839120290507362e-02
	qa6  = 1.19844998467991074170e-02
	ra0  = -9.86494403484714822705e-03
	ra1  = -6.93858572707181764372e-01
	ra2  = -1.05586262253232909814e+01
	ra3  = -6.23753324503260060396e+01
	ra4  = -1.62396669462573470355e+02
	ra5  = -1.84605092906711035994e+02
	ra6  = -8.12874355063065934246e+01
	ra7  = -9.81432934416914548592e+00
	sa1  = 1.96512716674392571292e+01
	sa2  = 1.37657754143519042600e+02
	sa3  = 4.34565877475229228821e+02
	sa4  = 6.45387271733267880336e+02
	sa5  = 4.29008140027567833386e+02
	sa6  = 1.08635005541779435134e+02
	sa7  = 6.57024977031928170135e+00
	sa8  = -6.04244152148580987438e-02
	rb0  = -9.86494292470009928597e-03
	rb1  = -7.99283237680523006574e-01
	rb2  = -1.77579549177547519889e+01
	rb3  = -1.60636384855821916062e+02
	rb4  = -6.37566443368389627722e+02
	rb5  = -1.02509513161107724954e+03
	rb6  = -4.83519191608651397019e+02
	sb1  = 3.03380607434824582924e+01
	sb2  = 3.25792512996573918826e+02
	sb3  = 1.53672958608443695994e+03
	sb4  = 3.19985821950859553908e+03
	sb5  = 2.55305040643316442583e+03
	sb6  = 4.74528541206955367215e+02
	sb7  = -2.24409524465858183362e+01
)

// erfSmall is P/Q of erf on |x| < 0.84375, as x*y.
func erfSmallY(x float64) float64 {
	z := x * x
	r := pp0 + z*(pp1+z*(pp2+z*(pp3+z*pp4)))
	s := 1 + z*(qq1+z*(qq2+z*(qq3+z*(qq4+z*qq5))))
	return r / s
}

// erfMid is P/Q on 0.84375 <= |x| < 1.25.
func erfMid(x float64) float64 {
	s := x - 1
	P := pa0 + s*(pa1+s*(pa2+s*(pa3+s*(pa4+s*(pa5+s*pa6)))))
	Q := 1 + s*(qa1+s*(qa2+s*(qa3+s*(qa4+s*(qa5+s*qa6)))))
	return P / Q
}

// erfTail is erfc(x) for 1.25 <= x < 28 (x positive).
func erfTail(x float64) float64 {
	s := 1 / (x * x)
	var R, S float64
	if x < 1/0.35 {
		R = ra0 + s*(ra1+s*(ra2+s*(ra3+s*(ra4+s*(ra5+s*(ra6+s*ra7))))))
		S = 1 + s*(sa1+s*(sa2+s*(sa3+s*(sa4+s*(sa5+s*(sa6+s*(sa7+s*sa8)))))))
	} else {
		R = rb0 + s*(rb1+s*(rb2+s*(rb3+s*(rb4+s*(rb5+s*rb6)))))
		S = 1 + s*(sb1+s*(sb2+s*(sb3+s*(sb4+s*(sb5+s*(sb6+s*sb7))))))
	}
	z := Float64frombits(Float64bits(x) & 0xffffffff00000000) // x with 20 bits of mantissa
	r := Exp(-z*z-0.5625) * Exp((z-x)*(z+x)+R/S)
	return r / x
}

// Erf returns the error function of x: Erf(±Inf) = ±1, Erf(NaN) = NaN.
func Erf(x float64) float64 {
	const (
		VeryTiny = 2.848094538889218e-306 // 0x0080000000000000
		Small    = 1.0 / (1 << 28)
	)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 1
	case IsInf(x, -1):
		return -1
	}
	sign := x < 0
	if sign {
		x = -x
	}
	var r float64
	switch {
	case x < 0.84375:
		switch {
		case x < VeryTiny:
			r = 0.125 * (8.0*x + efx8*x) // avoid underflow
		case x < Small:
			r = x + efx*x
		default:
			r = x + x*erfSmallY(x)
		}
	case x < 1.25:
		r = erx + erfMid(x)
	case x >= 6:
		r = 1
	default:
		if sign {
			return erfTail(x) - 1
		}
		return 1 - erfTail(x)
	}
	if sign {
		return -r
	}
	return r
}

// Erfc returns the complementary error function of x: Erfc(+Inf) = 0, Erfc(-Inf) = 2,
// Erfc(NaN) = NaN.
func Erfc(x float64) float64 {
	const Tiny = 1.0 / (1 << 56)
	switch {
	case IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return 0
	case IsInf(x, -1):
		return 2
	}
	sign := x < 0
	if sign {
		x = -x
	}
	if x < 0.84375 {
		var t float64
		switch {
		case x < Tiny:
			t = x
		case x < 0.25:
			t = x + x*erfSmallY(x)
		default:
			t = 0.5 + (x*erfSmallY(x) + (x - 0.5))
		}
		if sign {
			return 1 + t
		}
		return 1 - t
	}
	if x < 1.25 {
		if sign {
			return 1 + erx + erfMid(x)
		}
		return 1 - erx - erfMid(x)
	}
	if x < 28 {
		if sign && x >= 1/0.35 && x > 6 {
			return 2
		}
		if sign {
			return 2 - erfTail(x)
		}
		return erfTail(x)
	}
	if sign {
		return 2
	}
	return 0
}

// Coefficients of erfinv.go (Giles, "Approximating the erfinv function").
const (
	eia0 = 1.1975323115670912564578e0
	eia1 = 4.7072688112383978012285e1
	eia2 = 6.9706266534389598238465e2
	eia3 = 4.8548868893843886794648e3
	eia4 = 1.6235862515167575384252e4
	eia5 = 2.3782041382114385731252e4
	eia6 = 1.1819493347062294404278e4
	eia7 = 8.8709406962545514830200e2
	eib0 = 1.0000000000000000000e0
	eib1 = 4.2313330701600911252e1
	eib2 = 6.8718700749205790830e2
	eib3 = 5.3941960214247511077e3
	eib4 = 2.1213794301586595867e4
	eib5 = 3.9307895800092710610e4
	eib6 = 2.8729085735721942674e4
	eib7 = 5.2264952788528545610e3
	eic0 = 1.42343711074968357734e0
	eic1 = 4.63033784615654529590e0
	eic2 = 5.76949722146069140550e0
	eic3 = 3.64784832476320460504e0
	eic4 = 1.27045825245236838258e0
	eic5 = 2.41780725177450611770e-1
	eic6 = 2.27238449892691845833e-2
	eic7 = 7.74545014278341407640e-4
	eid0 = 1.4142135623730950488016887e0
	eid1 = 2.9036514445419946173133295e0
	eid2 = 2.3707661626024532365971225e0
	eid3 = 9.7547832001787427186894837e-1
	eid4 = 2.0945065210512749128288442e-1
	eid5 = 2.1494160384252876777097297e-2
	eid6 = 7.7441459065157709165577218e-4
	eid7 = 1.4859850019840355905497876e-9
	eie0 = 6.65790464350110377720e0
	eie1 = 5.46378491116411436990e0
	eie2 = 1.78482653991729133580e0
	eie3 = 2.96560571828504891230e-1
	eie4 = 2.65321895265761230930e-2
	eie5 = 1.24266094738807843860e-3
	eie6 = 2.71155556874348757815e-5
	eie7 = 2.01033439929228813265e-7
	eif0 = 1.414213562373095048801689e0
	eif1 = 8.482908416595164588112026e-1
	eif2 = 1.936480946950659106176712e-1
	eif3 = 2.103693768272068968719679e-2
	eif4 = 1.112800997078859844711555e-3
	eif5 = 2.611088405080593625138020e-5
	eif6 = 2.010321207683943062279931e-7
	eif7 = 2.891024605872965461538222e-15
)

// Erfinv returns the inverse error function of x: Erfinv(±1) = ±Inf, NaN outside
// [-1, 1] and for NaN.
func Erfinv(x float64) float64 {
	if IsNaN(x) || x <= -1 || x >= 1 {
		if x == -1 || x == 1 {
			return Inf(int(x))
		}
		return NaN()
	}
	sign := x < 0
	if sign {
		x = -x
	}
	var ans float64
	if x <= 0.85 {
		r := 0.180625 - 0.25*x*x
		z1 := ((((((eia7*r+eia6)*r+eia5)*r+eia4)*r+eia3)*r+eia2)*r+eia1)*r + eia0
		z2 := ((((((eib7*r+eib6)*r+eib5)*r+eib4)*r+eib3)*r+eib2)*r+eib1)*r + eib0
		ans = (x * z1) / z2
	} else {
		var z1, z2 float64
		r := Sqrt(Ln2 - Log(1.0-x))
		if r <= 5.0 {
			r -= 1.6
			z1 = ((((((eic7*r+eic6)*r+eic5)*r+eic4)*r+eic3)*r+eic2)*r+eic1)*r + eic0
			z2 = ((((((eid7*r+eid6)*r+eid5)*r+eid4)*r+eid3)*r+eid2)*r+eid1)*r + eid0
		} else {
			r -= 5.0
			z1 = ((((((eie7*r+eie6)*r+eie5)*r+eie4)*r+eie3)*r+eie2)*r+eie1)*r + eie0
			z2 = ((((((eif7*r+eif6)*r+eif5)*r+eif4)*r+eif3)*r+eif2)*r+eif1)*r + eif0
		}
		ans = z1 / z2
	}
	if sign {
		return -ans
	}
	return ans
}

// Erfcinv returns the inverse of Erfc(x).
func Erfcinv(x float64) float64 { return Erfinv(1 - x) }

// Coefficients of gamma.go (Cephes): P/Q on [2, 3] and Stirling's series.
var (
	gamP = [...]float64{
		1.60119522476751861407e-04, 1.19135147006586384913e-03, 1.04213797561761569935e-02,
		4.76367800457137231464e-02, 2.07448227648435975150e-01, 4.94214826801497100753e-01,
		9.99999999999999996796e-01,
	}
	gamQ = [...]float64{
		-2.31581873324120129819e-05, 5.39605580493303397842e-04, -4.45641913851797240494e-03,
		1.18139785222060435552e-02, 3.58236398605498653373e-02, -2.34591795718243348568e-01,
		7.14304917030273074085e-02, 1.00000000000000000320e+00,
	}
	gamS = [...]float64{
		7.87311395793093628397e-04, -2.29549961613378126380e-04, -2.68132617805781232825e-03,
		3.47222221605458667310e-03, 8.33333333333482257126e-02,
	}
)

// stirling returns Gamma(x) for 33 <= x as a product y1*y2 that the caller multiplies
// (so that 172 <= x <= 180 can avoid infinity).
func stirling(x float64) (float64, float64) {
	if x > 200 {
		return Inf(1), 1
	}
	const (
		SqrtTwoPi   = 2.506628274631000502417
		MaxStirling = 143.01608
	)
	w := 1 / x
	w = 1 + w*((((gamS[0]*w+gamS[1])*w+gamS[2])*w+gamS[3])*w+gamS[4])
	y1 := Exp(x)
	y2 := 1.0
	if x > MaxStirling { // Pow would overflow
		v := Pow(x, 0.5*x-0.25)
		y1, y2 = v, v/y1
	} else {
		y1 = Pow(x, x-0.5) / y1
	}
	return y1, SqrtTwoPi * w * y2
}

// Gamma returns the Gamma function of x: +Inf at +0 and +Inf, -Inf at -0, NaN for
// negative integers, -Inf and NaN.
func Gamma(x float64) float64 {
	const Euler = 0.57721566490153286060651209008240243104215933593992
	switch {
	case isNegInt(x) || IsInf(x, -1) || IsNaN(x):
		return NaN()
	case IsInf(x, 1):
		return Inf(1)
	case x == 0:
		if Signbit(x) {
			return Inf(-1)
		}
		return Inf(1)
	}
	q := Abs(x)
	p := Floor(q)
	if q > 33 {
		if x >= 0 {
			y1, y2 := stirling(x)
			return y1 * y2
		}
		return gammaReflect(q, p)
	}
	// Reduce the argument to [2, 3).
	z := 1.0
	for x >= 3 {
		x = x - 1
		z = z * x
	}
	for x < 0 {
		if x > -1e-09 {
			return gammaSmall(x, z)
		}
		z = z / x
		x = x + 1
	}
	for x < 2 {
		if x < 1e-09 {
			return gammaSmall(x, z)
		}
		z = z / x
		x = x + 1
	}
	if x == 2 {
		return z
	}
	x = x - 2
	p = (((((x*gamP[0]+gamP[1])*x+gamP[2])*x+gamP[3])*x+gamP[4])*x+gamP[5])*x + gamP[6]
	q = ((((((x*gamQ[0]+gamQ[1])*x+gamQ[2])*x+gamQ[3])*x+gamQ[4])*x+gamQ[5])*x+gamQ[6])*x + gamQ[7]
	return z * p / q
}

// gammaSmall is Gamma near zero: z / ((1 + Euler x) x).
func gammaSmall(x, z float64) float64 {
	const Euler = 0.57721566490153286060651209008240243104215933593992
	if x == 0 {
		return Inf(1)
	}
	return z / ((1 + Euler*x) * x)
}

// gammaReflect is Gamma(-q) for q > 33 (p = Floor(q)) by the reflection formula.
func gammaReflect(q, p float64) float64 {
	signgam := 1
	if ip := int64(p); ip&1 == 0 {
		signgam = -1
	}
	z := q - p
	if z > 0.5 {
		p = p + 1
		z = q - p
	}
	z = q * Sin(Pi*z)
	if z == 0 {
		return Inf(signgam)
	}
	sq1, sq2 := stirling(q)
	absz := Abs(z)
	d := absz * sq1 * sq2
	if IsInf(d, 0) {
		z = Pi / absz / sq1 / sq2
	} else {
		z = Pi / d
	}
	return float64(signgam) * z
}

func isNegInt(x float64) bool {
	if x < 0 {
		_, xf := Modf(x)
		return xf == 0
	}
	return false
}
