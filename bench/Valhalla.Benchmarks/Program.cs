using Valhalla.Benchmarks;

// The same executable serves the baselines in their own processes.
switch (args.FirstOrDefault())
{
    case "serve-baseline":
        await Servers.ServeBaselineAsync(args[2..], args[1]);
        return 0;
    case "serve-same-work":
        await SameWorkBaseline.ServeAsync(args[4..], args[1], args[2], args[3]);
        return 0;
    case "serve-raw-read":
        await Servers.ServeRawReadAsync(args[2..], args[1]);
        return 0;
    case "serve-empty":
        await Servers.ServeEmptyAsync(args[1..]);
        return 0;
}

var options = Options.Parse(args);
if (Paths.Configuration != "Release")
{
    Console.Error.WriteLine("Warning: benchmarks should run in Release: dotnet run -c Release --project bench/Valhalla.Benchmarks");
}

var report = new Report();
if (options.Runs("write"))
{
    Console.Error.WriteLine("Write path…");
    await WritePath.RunAsync(options, report);
}

if (options.Runs("read"))
{
    Console.Error.WriteLine("Read path…");
    await ReadPath.RunAsync(options, report);
}

if (options.Runs("page"))
{
    Console.Error.WriteLine("Month page…");
    await MonthPageCost.RunAsync(options, report);
}

if (options.Runs("auth"))
{
    Console.Error.WriteLine("Cost of checking keys…");
    await AuthCost.RunAsync(options, report);
}

if (options.Runs("startup"))
{
    Console.Error.WriteLine("Start-up…");
    await Startup.RunAsync(options, report);
}

if (options.Runs("hotadd"))
{
    Console.Error.WriteLine("Hot add…");
    await HotAdd.RunAsync(options, report);
}

if (options.Runs("backup"))
{
    Console.Error.WriteLine("Backups…");
    await BackupCost.RunAsync(options, report);
}

if (options.Runs("import"))
{
    Console.Error.WriteLine("CSV import and export…");
    await ImportExport.RunAsync(options, report);
}

if (options.Runs("outbox"))
{
    Console.Error.WriteLine("Cost of the outbox…");
    await OutboxCost.RunAsync(options, report);
}

if (options.Runs("gate"))
{
    Console.Error.WriteLine("Gated POST…");
    await GatedPost.RunAsync(options, report);
}

if (options.Runs("obligations"))
{
    Console.Error.WriteLine("Obligations month view…");
    await ObligationsMonthView.RunAsync(options, report);
}

Console.WriteLine(report.Render());
return 0;
