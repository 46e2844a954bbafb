namespace Valhalla.Benchmarks;

/// <summary>Order statistics over repeated rounds or request latencies.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>"median (min–max)" with the given format.</summary>
    public static string Spread(IReadOnlyList<double> values, string format = "F0") =>
        $"{Median(values).ToString(format)} ({values.Min().ToString(format)}–{values.Max().ToString(format)})";
}
