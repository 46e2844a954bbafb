using System.Text;

namespace Valhalla.Benchmarks;

/// <summary>The results table: Valhalla beside its baseline measured in the same run, ratio first.</summary>
internal sealed class Report
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>Higher is better; <paramref name="atLeast"/> is the target ratio, if any.</summary>
    public void AddThroughput(string what, IReadOnlyList<LoadGenerator.Result> ours, IReadOnlyList<LoadGenerator.Result> theirs, double? atLeast)
    {
        var ratio = Stats.Median([.. ours.Select(r => r.Throughput)]) / Stats.Median([.. theirs.Select(r => r.Throughput)]);
        _rows.Add([
            what,
            $"{ratio:F2}×",
            atLeast is { } target ? $"≥ {target:0.0#}× {(ratio >= target ? "met" : "MISSED")}" : "-",
            $"{Stats.Spread([.. ours.Select(r => r.Throughput)])} req/s, p50 {Stats.Median([.. ours.Select(r => Stats.Percentile(r.LatenciesMs, 50))]):F2} ms, p99 {Stats.Median([.. ours.Select(r => Stats.Percentile(r.LatenciesMs, 99))]):F2} ms, {ours.Sum(r => r.Failed)} failed",
            $"{Stats.Spread([.. theirs.Select(r => r.Throughput)])} req/s, p50 {Stats.Median([.. theirs.Select(r => Stats.Percentile(r.LatenciesMs, 50))]):F2} ms, p99 {Stats.Median([.. theirs.Select(r => Stats.Percentile(r.LatenciesMs, 99))]):F2} ms",
        ]);
    }

    /// <summary>Lower is better; values are per-round medians in ms; <paramref name="atMost"/> is the target ratio, if any.</summary>
    public void AddLatency(string what, IReadOnlyList<double> ours, IReadOnlyList<double> theirs, double? atMost, string unit = "ms")
    {
        var ratio = Stats.Median(ours) / Stats.Median(theirs);
        _rows.Add([
            what,
            $"{ratio:F2}×",
            atMost is { } target ? $"≤ {target:0.0#}× {(ratio <= target ? "met" : "MISSED")}" : "-",
            $"{Stats.Spread(ours, "F2")} {unit}",
            $"{Stats.Spread(theirs, "F2")} {unit}",
        ]);
    }

    /// <summary>Higher is better; values are per-round rates; <paramref name="atLeast"/> is the target ratio, if any.</summary>
    public void AddRate(string what, IReadOnlyList<double> ours, IReadOnlyList<double> theirs, double? atLeast, string unit)
    {
        var ratio = Stats.Median(ours) / Stats.Median(theirs);
        _rows.Add([
            what,
            $"{ratio:F2}×",
            atLeast is { } target ? $"≥ {target:0.0#}× {(ratio >= target ? "met" : "MISSED")}" : "-",
            $"{Stats.Spread(ours)} {unit}",
            $"{Stats.Spread(theirs)} {unit}",
        ]);
    }

    public void AddNote(string note) => _notes.Add(note);

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine("| measure | ratio | target | Valhalla: median (min–max) | baseline: median (min–max) |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var row in _rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        foreach (var note in _notes)
        {
            text.AppendLine("- " + note);
        }

        return text.ToString();
    }
}
