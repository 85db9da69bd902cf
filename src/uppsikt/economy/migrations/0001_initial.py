import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("finance", "0001_initial"), ("ledger", "0001_initial")]

    initial = True

    dependencies = [
        ("organisations", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="FigureTable",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=100, verbose_name="nyckel")),
                ("title", models.TextField(verbose_name="rubrik")),
                ("kind", models.CharField(default="generic", max_length=100, verbose_name="slag")),
                (
                    "unit",
                    models.CharField(
                        choices=[("kr", "Kr"), ("tkr", "Tkr"), ("mkr", "Mkr")],
                        max_length=8,
                        verbose_name="enhet",
                    ),
                ),
                ("decimals", models.PositiveSmallIntegerField(default=0, verbose_name="decimaler")),
                ("label_header", models.TextField(blank=True, verbose_name="rubrik för radnamn")),
                ("note", models.TextField(blank=True, verbose_name="fotnot")),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="figure_tables",
                        to="reports.report",
                    ),
                ),
            ],
            options={
                "verbose_name": "tabell",
                "verbose_name_plural": "tabeller",
                "ordering": ("report_id", "position"),
                "db_table": "finance_figuretable",
            },
        ),
        migrations.CreateModel(
            name="FigureRow",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=100, verbose_name="nyckel")),
                ("label", models.TextField(verbose_name="radnamn")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("item", "Post"),
                            ("part", "Varav"),
                            ("subtotal", "Delsumma"),
                            ("total", "Summa"),
                            ("heading", "Rubrik"),
                        ],
                        default="item",
                        max_length=16,
                        verbose_name="roll",
                    ),
                ),
                ("sum_of", models.JSONField(blank=True, default=list, verbose_name="summa av")),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "table",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rows",
                        to="economy.figuretable",
                    ),
                ),
            ],
            options={
                "verbose_name": "rad",
                "verbose_name_plural": "rader",
                "ordering": ("table_id", "position"),
                "db_table": "finance_figurerow",
            },
        ),
        migrations.CreateModel(
            name="FigureColumn",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=100, verbose_name="nyckel")),
                ("label", models.TextField(verbose_name="rubrik")),
                (
                    "kind",
                    models.CharField(
                        choices=[("text", "Text"), ("amount", "Belopp"), ("percent", "Procent")],
                        default="amount",
                        max_length=16,
                        verbose_name="slag",
                    ),
                ),
                ("formula", models.TextField(blank=True, verbose_name="formel")),
                (
                    "decimals",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="decimaler"
                    ),
                ),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "table",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="columns",
                        to="economy.figuretable",
                    ),
                ),
            ],
            options={
                "verbose_name": "kolumn",
                "verbose_name_plural": "kolumner",
                "ordering": ("table_id", "position"),
                "db_table": "finance_figurecolumn",
            },
        ),
        migrations.CreateModel(
            name="FigureCell",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("column_key", models.CharField(max_length=100, verbose_name="kolumn")),
                (
                    "kind",
                    models.CharField(
                        choices=[("text", "Text"), ("amount", "Belopp"), ("percent", "Procent")],
                        max_length=16,
                        verbose_name="slag",
                    ),
                ),
                ("kronor", models.BigIntegerField(blank=True, null=True, verbose_name="kronor")),
                (
                    "precision",
                    models.BigIntegerField(
                        blank=True, null=True, verbose_name="precision i kronor"
                    ),
                ),
                (
                    "percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=15,
                        null=True,
                        verbose_name="procent",
                    ),
                ),
                (
                    "exponent",
                    models.SmallIntegerField(blank=True, null=True, verbose_name="exponent"),
                ),
                ("text", models.TextField(blank=True, verbose_name="text")),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "row",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cells",
                        to="economy.figurerow",
                    ),
                ),
            ],
            options={
                "verbose_name": "cell",
                "verbose_name_plural": "celler",
                "ordering": ("row_id", "position"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("row", "column_key"), name="figure_cell_per_column"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("kind", "amount"),
                                ("kronor__isnull", False),
                                ("percent__isnull", True),
                                ("precision__gte", 1),
                                ("precision__isnull", False),
                            ),
                            models.Q(
                                ("exponent__isnull", False),
                                ("kind", "percent"),
                                ("kronor__isnull", True),
                                ("percent__isnull", False),
                            ),
                            models.Q(
                                ("kind", "text"),
                                ("kronor__isnull", True),
                                ("percent__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="figure_cell_value_matches_kind",
                    ),
                ],
                "db_table": "finance_figurecell",
            },
        ),
        migrations.AddConstraint(
            model_name="figuretable",
            constraint=models.UniqueConstraint(
                fields=("report", "key"), name="figure_table_key_per_report"
            ),
        ),
        migrations.AddConstraint(
            model_name="figurerow",
            constraint=models.UniqueConstraint(
                fields=("table", "key"), name="figure_row_key_per_table"
            ),
        ),
        migrations.AddConstraint(
            model_name="figurecolumn",
            constraint=models.UniqueConstraint(
                fields=("table", "key"), name="figure_column_key_per_table"
            ),
        ),
        migrations.CreateModel(
            name="AccountRange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("first", models.CharField(max_length=40, verbose_name="från konto")),
                ("last", models.CharField(max_length=40, verbose_name="till konto")),
                (
                    "line",
                    models.CharField(
                        choices=[
                            ("grants", "Bidrag"),
                            ("other_income", "Övriga intäkter"),
                            ("salaries", "Lönekostnader"),
                            ("payroll_overhead", "PO-pålägg"),
                            ("other_staff_costs", "Övriga personalkostnader"),
                            ("premises", "Lokal- och markhyror"),
                            ("other_costs", "Övriga kostnader"),
                            ("depreciation", "Avskrivningar"),
                            ("financial_income", "Finansiella intäkter"),
                            ("financial_costs", "Finansiella kostnader"),
                            ("investment", "Investeringar"),
                            ("ignore", "Ingår inte i uppföljningen"),
                        ],
                        max_length=32,
                        verbose_name="rad",
                    ),
                ),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_account_ranges",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "kontointervall",
                "verbose_name_plural": "kontointervall",
                "ordering": ("municipality_id", "position"),
                "db_table": "ledger_accountrange",
            },
        ),
        migrations.CreateModel(
            name="LedgerFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("file_name", models.TextField(verbose_name="filnamn")),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("sie", "SIE-fil"),
                            ("budget_csv", "Budgetfil (CSV)"),
                            ("budget_xlsx", "Budgetfil (XLSX)"),
                        ],
                        max_length=16,
                        verbose_name="slag",
                    ),
                ),
                ("imported_at", models.DateTimeField(auto_now_add=True, verbose_name="importerad")),
                (
                    "summary",
                    models.JSONField(blank=True, default=dict, verbose_name="sammanfattning"),
                ),
                ("years", models.JSONField(blank=True, default=list, verbose_name="år")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_files",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "importerad fil",
                "verbose_name_plural": "importerade filer",
                "ordering": ("municipality_id", "-imported_at", "-id"),
                "db_table": "ledger_ledgerfile",
            },
        ),
        migrations.CreateModel(
            name="Fact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="år")),
                ("month", models.PositiveSmallIntegerField(verbose_name="månad")),
                ("account", models.CharField(db_index=True, max_length=40, verbose_name="konto")),
                (
                    "objects_key",
                    models.CharField(
                        blank=True, db_index=True, max_length=500, verbose_name="objektnyckel"
                    ),
                ),
                ("object_list", models.JSONField(blank=True, default=list, verbose_name="objekt")),
                (
                    "phase",
                    models.CharField(
                        choices=[
                            ("original_budget", "Ursprunglig budget"),
                            ("revised_budget", "Reviderad budget"),
                            ("forecast", "Prognos"),
                            ("actual", "Utfall"),
                        ],
                        max_length=32,
                        verbose_name="fas",
                    ),
                ),
                (
                    "version",
                    models.CharField(
                        blank=True, default="", max_length=100, verbose_name="version"
                    ),
                ),
                ("amount", models.BigIntegerField(verbose_name="belopp i öre")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_facts",
                        to="organisations.municipality",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facts",
                        to="economy.ledgerfile",
                    ),
                ),
            ],
            options={
                "verbose_name": "belopp",
                "verbose_name_plural": "belopp",
                "ordering": (
                    "source_id",
                    "year",
                    "phase",
                    "version",
                    "month",
                    "account",
                    "objects_key",
                ),
                "db_table": "ledger_fact",
            },
        ),
        migrations.CreateModel(
            name="LedgerMapping",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "cost_centre_dimension",
                    models.CharField(
                        default="1", max_length=100, verbose_name="dimension för kostnadsställe"
                    ),
                ),
                (
                    "project_dimension",
                    models.CharField(
                        default="6", max_length=100, verbose_name="dimension för projekt"
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
                (
                    "municipality",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_mapping",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "mappning",
                "verbose_name_plural": "mappningar",
                "db_table": "ledger_ledgermapping",
            },
        ),
        migrations.CreateModel(
            name="LedgerObject",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dimension", models.CharField(max_length=100, verbose_name="dimension")),
                ("object_id", models.CharField(max_length=100, verbose_name="objekt")),
                ("name", models.TextField(blank=True, verbose_name="namn")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_objects",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "objekt",
                "verbose_name_plural": "objekt",
                "ordering": ("municipality_id", "dimension", "object_id"),
                "db_table": "ledger_ledgerobject",
            },
        ),
        migrations.CreateModel(
            name="ObjectMapping",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("dimension", models.CharField(max_length=100, verbose_name="dimension")),
                ("object", models.CharField(max_length=100, verbose_name="objekt")),
                ("name", models.TextField(blank=True, verbose_name="namn")),
                (
                    "budget_area",
                    models.CharField(blank=True, max_length=100, verbose_name="budgetområde"),
                ),
                (
                    "financing",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("board", "Styrelsen"),
                            ("allocation_funded", "Kommunbidragsfinansierad verksamhet"),
                            ("charge_funded", "Solidariskt och intäktsfinansierad verksamhet"),
                        ],
                        max_length=32,
                        verbose_name="finansiering",
                    ),
                ),
                (
                    "appropriation",
                    models.CharField(blank=True, max_length=100, verbose_name="anslag"),
                ),
                (
                    "investment",
                    models.CharField(blank=True, max_length=100, verbose_name="investering"),
                ),
                (
                    "organisation",
                    models.CharField(blank=True, max_length=100, verbose_name="organisation"),
                ),
                ("position", models.PositiveIntegerField(verbose_name="ordning")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_object_mappings",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "objektmappning",
                "verbose_name_plural": "objektmappningar",
                "ordering": ("municipality_id", "position"),
                "db_table": "ledger_objectmapping",
            },
        ),
        migrations.CreateModel(
            name="LedgerAccount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.CharField(max_length=40, verbose_name="kontonummer")),
                ("name", models.TextField(blank=True, verbose_name="namn")),
                ("type", models.CharField(blank=True, max_length=8, verbose_name="kontotyp")),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_accounts",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "konto",
                "verbose_name_plural": "konton",
                "ordering": ("municipality_id", "number"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("municipality", "number"), name="ledger_account_per_municipality"
                    )
                ],
                "db_table": "ledger_ledgeraccount",
            },
        ),
        migrations.CreateModel(
            name="LedgerDimension",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.CharField(max_length=100, verbose_name="nummer")),
                ("name", models.TextField(blank=True, verbose_name="namn")),
                (
                    "parent",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="överordnad dimension"
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ledger_dimensions",
                        to="organisations.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "dimension",
                "verbose_name_plural": "dimensioner",
                "ordering": ("municipality_id", "number"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("municipality", "number"), name="ledger_dimension_per_municipality"
                    )
                ],
                "db_table": "ledger_ledgerdimension",
            },
        ),
        migrations.AddConstraint(
            model_name="ledgerfile",
            constraint=models.UniqueConstraint(
                fields=("municipality", "sha256"), name="ledger_file_once_per_municipality"
            ),
        ),
        migrations.AddIndex(
            model_name="fact",
            index=models.Index(
                fields=["municipality", "year", "phase", "version", "source"],
                name="ledger_fact_year_phase",
            ),
        ),
        migrations.AddConstraint(
            model_name="fact",
            constraint=models.UniqueConstraint(
                fields=("source", "year", "month", "account", "objects_key", "phase", "version"),
                name="ledger_fact_one_per_cell_and_file",
            ),
        ),
        migrations.AddConstraint(
            model_name="fact",
            constraint=models.CheckConstraint(
                condition=models.Q(("month__gte", 0), ("month__lte", 12)),
                name="ledger_fact_month_0_to_12",
            ),
        ),
        migrations.AddConstraint(
            model_name="ledgerobject",
            constraint=models.UniqueConstraint(
                fields=("municipality", "dimension", "object_id"),
                name="ledger_object_per_municipality",
            ),
        ),
    ]
