using System.Globalization;
using Sylvan.Data.Csv;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// Reads a bank's CSV (or an export) into ledger rows with Sylvan.Data.Csv: maps the columns, parses
/// dates and amounts exactly, names each row (<see cref="ImportIds"/>), and collects every bad field
/// by line instead of stopping at the first. No rules that need the store or other packs.
/// </summary>
public static class CsvLedgerReader
{
    public static async Task<ParsedCsv> ReadAsync(TextReader text, ImportOptions options, CancellationToken ct)
    {
        // Sylvan skips a line starting with its comment character, by default '#' (a row like "#42 Coffee,…" would vanish);
        // it cannot be turned off, so it is NUL, which no text file starts a line with.
        var csvOptions = new CsvDataReaderOptions { HasHeaders = true, Delimiter = options.Delimiter, Comment = '\0', OwnsReader = false };
        CsvDataReader csv;
        try
        {
            csv = await CsvDataReader.CreateAsync(text, csvOptions, ct);
        }
        catch (CsvMissingHeadersException)
        {
            throw PackProblemException.BadField("body", "the file is empty: it needs a header line naming its columns.");
        }

        await using (csv)
        {
            var columns = CsvColumns.Find([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetName)], options);
            var state = new ReadState(options, columns);
            var line = 2;
            while (await ReadAsync(csv, line, ct))
            {
                var raw = csv.GetRawRecordSpan();
                if (!IsBlank(csv))
                {
                    state.Read(csv, line);
                }

                line += LineBreaks(raw);
            }

            return new ParsedCsv(state.Records, state.Rows, state.Errors, state.Duplicates, state.VoidSkipped);
        }
    }

    private static async Task<bool> ReadAsync(CsvDataReader csv, int line, CancellationToken ct)
    {
        try
        {
            return await csv.ReadAsync(ct);
        }
        catch (CsvRecordTooLargeException)
        {
            throw PackProblemException.BadField("body", $"the record at line {line} is too large (a quote is not closed?); nothing was imported.");
        }
        catch (CsvFormatException)
        {
            throw PackProblemException.BadField("body", $"line {line} is not valid CSV (a quote is not closed?); nothing was imported.");
        }
    }

    private static bool IsBlank(CsvDataReader csv) => csv.RowFieldCount <= 1 && csv.GetFieldSpan(0).IsWhiteSpace();

    // A record ends with its line break, and a quoted cell may hold more.
    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return Math.Max(count, 1);
    }

    private sealed class ReadState(ImportOptions options, CsvColumns columns)
    {
        private readonly Dictionary<(DateOnly, long, string?), int> _occurrences = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public int Records { get; private set; }

        public int VoidSkipped { get; private set; }

        public List<ImportRow> Rows { get; } = [];

        public List<ImportError> Errors { get; } = [];

        public List<ImportDuplicate> Duplicates { get; } = [];

        public void Read(CsvDataReader csv, int line)
        {
            Records++;
            if (columns.Status >= 0 && Cell(csv, columns.Status).Trim().Equals(TxValues.VoidStatus, StringComparison.OrdinalIgnoreCase))
            {
                VoidSkipped++;
                return;
            }

            var errors = Errors.Count;
            var date = Field(line, "date", () => Date(Cell(csv, columns.Date)));
            var signed = Field(line, "amount", () => Amount(Cell(csv, columns.Amount)));
            var type = Field(line, "tx_type", () => Type(csv, signed));
            var description = Field(line, "description", () => Optional(csv, columns.Description) is { } d ? TransactionRules.Description(d) : null);
            var bucket = Field(line, "bucket_id", () => TransactionRules.BucketId(Optional(csv, columns.Bucket)));
            var priority = Field(line, "priority", () => Priority.Parse(Optional(csv, columns.Priority) ?? "B").Code);
            var links = Field(line, "links", () => CsvLinks.Parse(Optional(csv, columns.Links)));
            var bankId = Field(line, "import_id", () => columns.Id < 0 ? null : ImportIds.FromColumn(Cell(csv, columns.Id)));
            if (Errors.Count > errors)
            {
                return;
            }

            var importId = bankId ?? ImportIds.Hash(date, signed.MinorUnits, description, Occurrence(date, signed.MinorUnits, description));
            if (!_ids.Add(importId))
            {
                Duplicates.Add(new ImportDuplicate(line, importId));
                return;
            }

            var amount = signed.IsNegative ? -signed : signed;
            Rows.Add(new ImportRow(line, importId, type!, amount, date, description, bucket, priority!, links));
        }

        private DateOnly Date(string text) =>
            DateOnly.TryParseExact(text.Trim(), options.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw PackProblemException.BadField("date", $"'{text}' is not a date in the format {options.DateFormat}.");

        private Money Amount(string text)
        {
            if (!CsvAmount.TryParse(text, options.DecimalSeparator, out var amount))
            {
                throw PackProblemException.BadField("amount", $"'{text}' is not an amount: digits with at most two decimals after '{options.DecimalSeparator}', e.g. -12{options.DecimalSeparator}50.");
            }

            return amount.MinorUnits == 0 ? throw PackProblemException.BadField("amount", "must not be 0.")
                : !amount.IsWithinCeiling ? throw PackProblemException.BadField("amount", $"must be at most {Money.MaxAmount} either way.")
                : amount.IsNegative && columns.Type >= 0
                    ? throw PackProblemException.BadField("amount", "must be positive when a type column says income or expense; send type_column= (empty) to read the sign instead.")
                : amount;
        }

        // With a type column, amounts are positive (see Amount) and the column says which; without one, the sign does.
        private string Type(CsvDataReader csv, Money signed) =>
            columns.Type < 0
                ? signed.IsNegative ? TxValues.Expense : TxValues.Income
                : TransactionRules.TxType(Cell(csv, columns.Type).Trim().ToLowerInvariant());

        private int Occurrence(DateOnly date, long amount, string? description)
        {
            var key = (date, amount, description);
            var occurrence = _occurrences.GetValueOrDefault(key) + 1;
            _occurrences[key] = occurrence;
            return occurrence;
        }

        // Every reader refuses with a problem on the field it reads (its message starts with that name).
        private T? Field<T>(int line, string field, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (PackProblemException problem)
            {
                Errors.Add(new ImportError(line, field, problem.Message));
                return default;
            }
        }

        private static string? Optional(CsvDataReader csv, int column) =>
            column < 0 || Cell(csv, column).Trim() is not { Length: > 0 } text ? null : text;

        // A short line's missing cells read as empty (Sylvan answers "" past the row's last field).
        private static string Cell(CsvDataReader csv, int column) => csv.GetString(column);
    }
}
