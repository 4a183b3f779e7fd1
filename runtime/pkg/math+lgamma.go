// Lgamma: Go's lgamma.go (FreeBSD's e_lgamma_r.c) transcribed in Go, bit-exact with Go
// on math.go's natives: rational approximations around the minimum of Gamma (Ymin), on
// [2, 8) with the recurrence, Stirling's series from 8, and the reflection formula
// (sinPi) for negative x.
package math

var lgamA = [...]float64{
	7.72156649015328655494e-02, 3.22467033424113591611e-01, 6.73523010531292681824e-02,
	2.05808084325167332806e-02, 7.38555086081402883957e-03, 2.89051383673415629091e-03,
	1.19270763183362067845e-03, 5.10069792153511336608e-04, 2.20862790713908385557e-04,
	1.08011567247583939954e-04, 2.52144565451257326939e-05, 4.48640949618915160150e-05,
}

var lgamR = [...]float64{
	1.0, 1.39200533467621045958e+00, 7.21935547567138069525e-01, 1.71933865632803078993e-01,
	1.86459191715652901344e-02, 7.77942496381893596434e-04, 7.32668430744625636189e-06,
}

var lgamS = [...]float64{
	-7.72156649015328655494e-02, 2.14982415960608852501e-01, 3.25778796408930981787e-01,
	1.46350472652464452805e-01, 2.66422703033638609560e-02, 1.84028451407337715652e-03,
	3.19475326584100867617e-05,
}

var lgamT = [...]float64{
	4.83836122723810047042e-01, -1.47587722994593911752e-01, 6.46249402391333854778e-02,
	-3.27885410759859649565e-02, 1.79706750811820387126e-02, -1.03142241298341437450e-02,
	6.10053870246291332635e-03, -3.68452016781138256760e-03, 2.25964780900612472250e-03,
	-1.40346469989232843813e-03, 8.81081882437654011382e-04, -5.38595305356740546715e-04,
	3.15632070903625950361e-04, -3.12754168375120860518e-04, 3.35529192635519073543e-04,
}

var lgamU = [...]float64{
	-7.72156649015328655494e-02, 6.32827064025093366517e-01, 1.45492250137234768737e+00,
	9.77717527963372745603e-01, 2.28963728064692451092e-01, 1.33810918536787660377e-02,
}

var lgamV = [...]float64{
	1.0, 2.45597793713041134822e+00, 2.12848976379893395361e+00, 7.69285150456672783825e-01,
	1.04222645593369134254e-01, 3.21709242282423911810e-03,
}

var lgamW = [...]float64{
	4.18938533204672725052e-01, 8.33333333333329678849e-02, -2.77777777728775536470e-03,
	7.93650558643019558500e-04, -5.95187557450339963135e-04, 8.36339918996282139126e-04,
	-1.63092934096575273989e-03,
}

const (
	lgYmin = 1.461632144968362245
	lgTc   = 1.46163214496836224576e+00
	lgTf   = -1.21486290535849611461e-01
	lgTt   = -3.63867699703950536541e-18 // Tt = -(tail of Tf)
)

// Lgamma returns the natural logarithm and sign (-1 or +1) of Gamma(x): Lgamma(+Inf) =
// +Inf, Lgamma(0) = +Inf, Lgamma(-integer) = +Inf, Lgamma(-Inf) = -Inf, Lgamma(NaN) = NaN.
func Lgamma(x float64) (lgamma float64, sign int) {
	const (
		Two52 = 1 << 52
		Two58 = 1 << 58
		Tiny  = 1.0 / (1 << 70)
	)
	sign = 1
	switch {
	case IsNaN(x), IsInf(x, 0):
		return x, sign
	case x == 0:
		return Inf(1), sign
	}
	neg := x < 0
	if neg {
		x = -x
	}
	if x < Tiny { // -log(|x|)
		if neg {
			sign = -1
		}
		return -Log(x), sign
	}
	var nadj float64
	if neg {
		if x >= Two52 { // an integer
			return Inf(1), sign
		}
		t := sinPi(x)
		if t == 0 {
			return Inf(1), sign // a negative integer
		}
		nadj = Log(Pi / Abs(t*x))
		if t < 0 {
			sign = -1
		}
	}
	switch {
	case x == 1 || x == 2:
		return 0, sign
	case x < 2:
		lgamma = lgammaBelow2(x)
	case x < 8:
		lgamma = lgamma2to8(x)
	case x < Two58:
		t := Log(x)
		z := 1 / x
		y := z * z
		w := lgamW[0] + z*(lgamW[1]+y*(lgamW[2]+y*(lgamW[3]+y*(lgamW[4]+y*(lgamW[5]+y*lgamW[6])))))
		lgamma = (x-0.5)*(t-1) + w
	default:
		lgamma = x * (Log(x) - 1)
	}
	if neg {
		lgamma = nadj - lgamma
	}
	return lgamma, sign
}

// lgammaBelow2 is Lgamma on (0, 2) by lgamma(x) = lgamma(x+1) - log(x), with one of three
// approximations chosen by the distance to Ymin.
func lgammaBelow2(x float64) float64 {
	var lgamma, y float64
	var i int
	if x <= 0.9 {
		lgamma = -Log(x)
		switch {
		case x >= (lgYmin - 1 + 0.27): // 0.7316 <= x <= 0.9
			y, i = 1-x, 0
		case x >= (lgYmin - 1 - 0.27): // 0.2316 <= x < 0.7316
			y, i = x-(lgTc-1), 1
		default:
			y, i = x, 2
		}
	} else {
		switch {
		case x >= (lgYmin + 0.27): // 1.7316 <= x < 2
			y, i = 2-x, 0
		case x >= (lgYmin - 0.27): // 1.2316 <= x < 1.7316
			y, i = x-lgTc, 1
		default:
			y, i = x-1, 2
		}
	}
	switch i {
	case 0:
		z := y * y
		p1 := lgamA[0] + z*(lgamA[2]+z*(lgamA[4]+z*(lgamA[6]+z*(lgamA[8]+z*lgamA[10]))))
		p2 := z * (lgamA[1] + z*(+lgamA[3]+z*(lgamA[5]+z*(lgamA[7]+z*(lgamA[9]+z*lgamA[11])))))
		p := y*p1 + p2
		lgamma += (p - 0.5*y)
	case 1:
		z := y * y
		w := z * y
		p1 := lgamT[0] + w*(lgamT[3]+w*(lgamT[6]+w*(lgamT[9]+w*lgamT[12])))
		p2 := lgamT[1] + w*(lgamT[4]+w*(lgamT[7]+w*(lgamT[10]+w*lgamT[13])))
		p3 := lgamT[2] + w*(lgamT[5]+w*(lgamT[8]+w*(lgamT[11]+w*lgamT[14])))
		p := z*p1 - (lgTt - w*(p2+y*p3))
		lgamma += (lgTf + p)
	default:
		p1 := y * (lgamU[0] + y*(lgamU[1]+y*(lgamU[2]+y*(lgamU[3]+y*(lgamU[4]+y*lgamU[5])))))
		p2 := 1 + y*(lgamV[1]+y*(lgamV[2]+y*(lgamV[3]+y*(lgamV[4]+y*lgamV[5]))))
		lgamma += (-0.5*y + p1/p2)
	}
	return lgamma
}

// lgamma2to8 is Lgamma on [2, 8): the approximation on [2, 3) and Lgamma(1+s) =
// Log(s) + Lgamma(s) for the rest.
func lgamma2to8(x float64) float64 {
	i := int(x)
	y := x - float64(i)
	p := y * (lgamS[0] + y*(lgamS[1]+y*(lgamS[2]+y*(lgamS[3]+y*(lgamS[4]+y*(lgamS[5]+y*lgamS[6]))))))
	q := 1 + y*(lgamR[1]+y*(lgamR[2]+y*(lgamR[3]+y*(lgamR[4]+y*(lgamR[5]+y*lgamR[6])))))
	lgamma := 0.5*y + p/q
	z := 1.0
	switch i {
	case 7:
		z *= (y + 6)
		fallthrough
	case 6:
		z *= (y + 5)
		fallthrough
	case 5:
		z *= (y + 4)
		fallthrough
	case 4:
		z *= (y + 3)
		fallthrough
	case 3:
		z *= (y + 2)
		lgamma += Log(z)
	}
	return lgamma
}

// sinPi returns -sin(Pi*x) for x > 0 with the argument reduced exactly first.
func sinPi(x float64) float64 {
	const (
		Two52 = 1 << 52
		Two53 = 1 << 53
	)
	if x < 0.25 {
		return -Sin(Pi * x)
	}
	z := Floor(x)
	var n int
	if z != x { // inexact
		x = Mod(x, 2)
		n = int(x * 4)
	} else {
		if x >= Two53 { // x must be even
			x = 0
			n = 0
		} else {
			if x < Two52 {
				z = x + Two52 // exact
			}
			n = int(1 & Float64bits(z))
			x = float64(n)
			n <<= 2
		}
	}
	switch n {
	case 0:
		x = Sin(Pi * x)
	case 1, 2:
		x = Cos(Pi * (0.5 - x))
	case 3, 4:
		x = Sin(Pi * (1 - x))
	case 5, 6:
		x = -Cos(Pi * (x - 1.5))
	default:
		x = Sin(Pi * (x - 2))
	}
	return -x
}
