namespace Valhalla.Benchmarks;

/// <summary>Command-line options: <c>--rounds N</c>, <c>--seconds S</c> (per load round), <c>--only write|read|page|auth|startup|hotadd|backup|import|outbox|gate|obligations</c>, <c>--rows N</c>, <c>--import-rows N</c>.</summary>
internal sealed record Options(int Rounds, TimeSpan Duration, string? Only, int LargeLedgerRows, int ImportRows)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            int.Parse(Value("--rounds") ?? "3"),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "3", System.Globalization.CultureInfo.InvariantCulture)),
            Value("--only"),
            int.Parse(Value("--rows") ?? "1000000"),
            int.Parse(Value("--import-rows") ?? "100000"));
    }

    public bool Runs(string section) => Only is null || Only == section;
}
