package dev.crmkit.core.forecast;

/** The few dense matrix operations the forecast variances need, on {@code double[rows][columns]}. */
final class Matrices {
    private Matrices() {
    }

    static double[][] zeros(int rows, int columns) {
        return new double[rows][columns];
    }

    static double[][] identity(int size) {
        double[][] identity = new double[size][size];
        for (int i = 0; i < size; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int rows = a.length;
        int inner = b.length;
        int columns = b[0].length;
        double[][] product = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < columns; j++) {
                        product[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return product;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** {@code a * x + b * y}, element by element. */
    static double[][] combine(double x, double[][] a, double y, double[][] b) {
        double[][] sum = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                sum[i][j] = x * a[i][j] + y * b[i][j];
            }
        }
        return sum;
    }

    /** The Kronecker product {@code a ⊗ b}. */
    static double[][] kronecker(double[][] a, double[][] b) {
        int rb = b.length;
        int cb = b[0].length;
        double[][] k = new double[a.length * rb][a[0].length * cb];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                for (int r = 0; r < rb; r++) {
                    for (int c = 0; c < cb; c++) {
                        k[i * rb + r][j * cb + c] = a[i][j] * b[r][c];
                    }
                }
            }
        }
        return k;
    }

    /** {@code a b a'}: a quadratic form. */
    static double[][] sandwich(double[][] a, double[][] b) {
        return multiply(multiply(a, b), transpose(a));
    }

    /** The columns of {@code a} stacked into one column, as R's {@code c(matrix)}. */
    static double[][] vec(double[][] a) {
        double[][] v = new double[a.length * a[0].length][1];
        for (int j = 0; j < a[0].length; j++) {
            for (int i = 0; i < a.length; i++) {
                v[j * a.length + i][0] = a[i][j];
            }
        }
        return v;
    }
}
