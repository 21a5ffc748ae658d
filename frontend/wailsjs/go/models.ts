export namespace analysis {
	
	export class ConvStage {
	    stageId: number;
	    name: string;
	    kind: string;
	    reached: number;
	    nextBp?: number;
	    cumulativeBp?: number;
	    bottleneck: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ConvStage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.reached = source["reached"];
	        this.nextBp = source["nextBp"];
	        this.cumulativeBp = source["cumulativeBp"];
	        this.bottleneck = source["bottleneck"];
	    }
	}
	export class Conversion {
	    from: string;
	    to: string;
	    cohort: number;
	    stages: ConvStage[];
	    lost: number;
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new Conversion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.cohort = source["cohort"];
	        this.stages = this.convertValues(source["stages"], ConvStage);
	        this.lost = source["lost"];
	        this.open = source["open"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConversionAnswer {
	    report: Conversion;
	    chart: string;
	
	    static createFrom(source: any = {}) {
	        return new ConversionAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Conversion);
	        this.chart = source["chart"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Cycle {
	    won: number;
	    avgDays: number;
	    medianDays: number;
	
	    static createFrom(source: any = {}) {
	        return new Cycle(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.won = source["won"];
	        this.avgDays = source["avgDays"];
	        this.medianDays = source["medianDays"];
	    }
	}
	export class Row {
	    key: string;
	    label: string;
	    count: number;
	    amountCents: number;
	    expectedCents: number;
	    wonCount: number;
	    wonCents: number;
	    lostCount: number;
	    lostCents: number;
	    winRateBp?: number;
	    drill: store.OpportunityFilter;
	    drillWon: store.OpportunityFilter;
	    drillLost: store.OpportunityFilter;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.count = source["count"];
	        this.amountCents = source["amountCents"];
	        this.expectedCents = source["expectedCents"];
	        this.wonCount = source["wonCount"];
	        this.wonCents = source["wonCents"];
	        this.lostCount = source["lostCount"];
	        this.lostCents = source["lostCents"];
	        this.winRateBp = source["winRateBp"];
	        this.drill = this.convertValues(source["drill"], store.OpportunityFilter);
	        this.drillWon = this.convertValues(source["drillWon"], store.OpportunityFilter);
	        this.drillLost = this.convertValues(source["drillLost"], store.OpportunityFilter);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GroupReport {
	    by: string;
	    from: string;
	    to: string;
	    rows: Row[];
	    more: number;
	    total: Row;
	
	    static createFrom(source: any = {}) {
	        return new GroupReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.rows = this.convertValues(source["rows"], Row);
	        this.more = source["more"];
	        this.total = this.convertValues(source["total"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GroupAnswer {
	    report: GroupReport;
	    chart: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], GroupReport);
	        this.chart = source["chart"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class GroupRequest {
	    filters: reportframe.Filters;
	    by: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filters = this.convertValues(source["filters"], reportframe.Filters);
	        this.by = source["by"];
	        this.lang = source["lang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportRequest {
	    filters: reportframe.Filters;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filters = this.convertValues(source["filters"], reportframe.Filters);
	        this.lang = source["lang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class StageDays {
	    stageId: number;
	    name: string;
	    retired: boolean;
	    left: number;
	    avgDays: number;
	    medianDays: number;
	    still: number;
	    stillAvgDays: number;
	    stillMedianDays: number;
	    bottleneck: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StageDays(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.name = source["name"];
	        this.retired = source["retired"];
	        this.left = source["left"];
	        this.avgDays = source["avgDays"];
	        this.medianDays = source["medianDays"];
	        this.still = source["still"];
	        this.stillAvgDays = source["stillAvgDays"];
	        this.stillMedianDays = source["stillMedianDays"];
	        this.bottleneck = source["bottleneck"];
	    }
	}
	export class StageTime {
	    from: string;
	    to: string;
	    today: string;
	    cohort: number;
	    stages: StageDays[];
	    cycle: Cycle;
	
	    static createFrom(source: any = {}) {
	        return new StageTime(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.today = source["today"];
	        this.cohort = source["cohort"];
	        this.stages = this.convertValues(source["stages"], StageDays);
	        this.cycle = this.convertValues(source["cycle"], Cycle);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StageTimeAnswer {
	    report: StageTime;
	    chart: string;
	
	    static createFrom(source: any = {}) {
	        return new StageTimeAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], StageTime);
	        this.chart = source["chart"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace backup {
	
	export class Entry {
	    name: string;
	    path: string;
	    kind: string;
	    time: string;
	    size: number;
	    summary?: store.BackupSummary;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.time = source["time"];
	        this.size = source["size"];
	        this.summary = this.convertValues(source["summary"], store.BackupSummary);
	        this.problem = source["problem"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Restored {
	    from: string;
	    summary: store.BackupSummary;
	    before: Entry;
	
	    static createFrom(source: any = {}) {
	        return new Restored(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.summary = this.convertValues(source["summary"], store.BackupSummary);
	        this.before = this.convertValues(source["before"], Entry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Settings {
	    auto: boolean;
	    keepDays: number;
	    keepWeeks: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.auto = source["auto"];
	        this.keepDays = source["keepDays"];
	        this.keepWeeks = source["keepWeeks"];
	    }
	}
	export class Status {
	    folder: string;
	    auto: boolean;
	    keepDays: number;
	    keepWeeks: number;
	    backups: Entry[];
	    canChooseFolder: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.auto = source["auto"];
	        this.keepDays = source["keepDays"];
	        this.keepWeeks = source["keepWeeks"];
	        this.backups = this.convertValues(source["backups"], Entry);
	        this.canChooseFolder = source["canChooseFolder"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace changes {
	
	export class Figures {
	    count: number;
	    amountCents: number;
	    expectedCents: number;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.amountCents = source["amountCents"];
	        this.expectedCents = source["expectedCents"];
	    }
	}
	export class State {
	    stageId: number;
	    stageName: string;
	    amountCents: number;
	    probabilityBp: number;
	    expectedClose: string;
	    ownerId: number;
	    ownerName: string;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.amountCents = source["amountCents"];
	        this.probabilityBp = source["probabilityBp"];
	        this.expectedClose = source["expectedClose"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	    }
	}
	export class Item {
	    id: number;
	    name: string;
	    customerName: string;
	    a?: State;
	    b: State;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.customerName = source["customerName"];
	        this.a = this.convertValues(source["a"], State);
	        this.b = this.convertValues(source["b"], State);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Group {
	    kind: string;
	    count: number;
	    amountA: number;
	    amountB: number;
	    items: Item[];
	    truncated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.count = source["count"];
	        this.amountA = source["amountA"];
	        this.amountB = source["amountB"];
	        this.items = this.convertValues(source["items"], Item);
	        this.truncated = source["truncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class StageRow {
	    stageId: number;
	    name: string;
	    kind: string;
	    a: Figures;
	    b: Figures;
	    diff: Figures;
	
	    static createFrom(source: any = {}) {
	        return new StageRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.a = this.convertValues(source["a"], Figures);
	        this.b = this.convertValues(source["b"], Figures);
	        this.diff = this.convertValues(source["diff"], Figures);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Report {
	    a: string;
	    b: string;
	    stages: StageRow[];
	    total: StageRow;
	    groups: Group[];
	    deletedBetween: number;
	    deletedAfter: number;
	    historySince: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = source["a"];
	        this.b = source["b"];
	        this.stages = this.convertValues(source["stages"], StageRow);
	        this.total = this.convertValues(source["total"], StageRow);
	        this.groups = this.convertValues(source["groups"], Group);
	        this.deletedBetween = source["deletedBetween"];
	        this.deletedAfter = source["deletedAfter"];
	        this.historySince = source["historySince"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    filters: reportframe.Filters;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filters = this.convertValues(source["filters"], reportframe.Filters);
	        this.lang = source["lang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class View {
	    report: Report;
	    chart: string;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Report);
	        this.chart = source["chart"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace customer {
	
	export class ContactInput {
	    name: string;
	    title: string;
	    phone: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new ContactInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = source["title"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	    }
	}
	export class Detail {
	    customer: store.Customer;
	    contacts: store.Contact[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = this.convertValues(source["customer"], store.Customer);
	        this.contacts = this.convertValues(source["contacts"], store.Contact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    query: string;
	    classification: string;
	    ownerId: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.classification = source["classification"];
	        this.ownerId = source["ownerId"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Input {
	    name: string;
	    classification: string;
	    source: string;
	    industry: string;
	    phone: string;
	    address: string;
	    ownerId: number;
	    notes: string;
	    level: string;
	    poolId: number;
	    allowDuplicate: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.classification = source["classification"];
	        this.source = source["source"];
	        this.industry = source["industry"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	        this.level = source["level"];
	        this.poolId = source["poolId"];
	        this.allowDuplicate = source["allowDuplicate"];
	    }
	}
	export class Options {
	    classifications: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.classifications = source["classifications"];
	    }
	}
	export class Page {
	    items: store.Customer[];
	    total: number;
	    totalCapped: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Customer);
	        this.total = source["total"];
	        this.totalCapped = source["totalCapped"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace dashboard {
	
	export class Counts {
	    followUpsToday: number;
	    followUpsOverdue: number;
	    installmentsToday: number;
	    installmentsOverdue: number;
	    tasksToday: number;
	    tasksOverdue: number;
	    badge: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.followUpsToday = source["followUpsToday"];
	        this.followUpsOverdue = source["followUpsOverdue"];
	        this.installmentsToday = source["installmentsToday"];
	        this.installmentsOverdue = source["installmentsOverdue"];
	        this.tasksToday = source["tasksToday"];
	        this.tasksOverdue = source["tasksOverdue"];
	        this.badge = source["badge"];
	    }
	}
	export class RecycleCustomer {
	    customerId: number;
	    customerName: string;
	    ownerName: string;
	    on: string;
	    rule: string;
	    ruleEn: string;
	
	    static createFrom(source: any = {}) {
	        return new RecycleCustomer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.ownerName = source["ownerName"];
	        this.on = source["on"];
	        this.rule = source["rule"];
	        this.ruleEn = source["ruleEn"];
	    }
	}
	export class Recycling {
	    enabled: boolean;
	    count: number;
	    items: RecycleCustomer[];
	
	    static createFrom(source: any = {}) {
	        return new Recycling(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], RecycleCustomer);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Quotes {
	    count: number;
	    items: store.ExpiringQuote[];
	
	    static createFrom(source: any = {}) {
	        return new Quotes(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], store.ExpiringQuote);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Installments {
	    count: number;
	    items: store.DueInstallment[];
	
	    static createFrom(source: any = {}) {
	        return new Installments(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], store.DueInstallment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Tasks {
	    count: number;
	    items: store.Task[];
	
	    static createFrom(source: any = {}) {
	        return new Tasks(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], store.Task);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Opportunities {
	    count: number;
	    items: store.Opportunity[];
	
	    static createFrom(source: any = {}) {
	        return new Opportunities(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], store.Opportunity);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FollowUps {
	    count: number;
	    items: store.FollowUp[];
	
	    static createFrom(source: any = {}) {
	        return new FollowUps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.items = this.convertValues(source["items"], store.FollowUp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StageBar {
	    stage: store.Stage;
	    count: number;
	    amountCents: number;
	
	    static createFrom(source: any = {}) {
	        return new StageBar(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = this.convertValues(source["stage"], store.Stage);
	        this.count = source["count"];
	        this.amountCents = source["amountCents"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Dashboard {
	    today: string;
	    customers: number;
	    stages: StageBar[];
	    followUpsToday: FollowUps;
	    followUpsOverdue: FollowUps;
	    slipped: Opportunities;
	    tasksToday: Tasks;
	    tasksOverdue: Tasks;
	    installmentsDue: Installments;
	    installmentsOverdue: Installments;
	    quotesExpiring: Quotes;
	    recycling: Recycling;
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.customers = source["customers"];
	        this.stages = this.convertValues(source["stages"], StageBar);
	        this.followUpsToday = this.convertValues(source["followUpsToday"], FollowUps);
	        this.followUpsOverdue = this.convertValues(source["followUpsOverdue"], FollowUps);
	        this.slipped = this.convertValues(source["slipped"], Opportunities);
	        this.tasksToday = this.convertValues(source["tasksToday"], Tasks);
	        this.tasksOverdue = this.convertValues(source["tasksOverdue"], Tasks);
	        this.installmentsDue = this.convertValues(source["installmentsDue"], Installments);
	        this.installmentsOverdue = this.convertValues(source["installmentsOverdue"], Installments);
	        this.quotesExpiring = this.convertValues(source["quotesExpiring"], Quotes);
	        this.recycling = this.convertValues(source["recycling"], Recycling);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	

}

export namespace followup {
	
	export class Input {
	    leadId: number;
	    customerId: number;
	    contactId: number;
	    opportunityId: number;
	    date: string;
	    time: string;
	    method: string;
	    content: string;
	    nextDate: string;
	    nextAction: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.leadId = source["leadId"];
	        this.customerId = source["customerId"];
	        this.contactId = source["contactId"];
	        this.opportunityId = source["opportunityId"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.method = source["method"];
	        this.content = source["content"];
	        this.nextDate = source["nextDate"];
	        this.nextAction = source["nextAction"];
	    }
	}
	export class Of {
	    leadId: number;
	    customerId: number;
	    contactId: number;
	    opportunityId: number;
	
	    static createFrom(source: any = {}) {
	        return new Of(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.leadId = source["leadId"];
	        this.customerId = source["customerId"];
	        this.contactId = source["contactId"];
	        this.opportunityId = source["opportunityId"];
	    }
	}
	export class Options {
	    methods: string[];
	    notify: boolean;
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.methods = source["methods"];
	        this.notify = source["notify"];
	        this.today = source["today"];
	    }
	}

}

export namespace funnel {
	
	export class StageArea {
	    stageId: number;
	    x: number;
	    y: number;
	    w: number;
	    h: number;
	
	    static createFrom(source: any = {}) {
	        return new StageArea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.x = source["x"];
	        this.y = source["y"];
	        this.w = source["w"];
	        this.h = source["h"];
	    }
	}
	export class Chart {
	    png: string;
	    width: number;
	    height: number;
	    areas: StageArea[];
	
	    static createFrom(source: any = {}) {
	        return new Chart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.png = source["png"];
	        this.width = source["width"];
	        this.height = source["height"];
	        this.areas = this.convertValues(source["areas"], StageArea);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    ownerId: number;
	    from: string;
	    to: string;
	    type: string;
	    source: string;
	    stageSetId: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.type = source["type"];
	        this.source = source["source"];
	        this.stageSetId = source["stageSetId"];
	    }
	}
	export class ChartRequest {
	    filter: Filter;
	    measure: string;
	    size: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new ChartRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.measure = source["measure"];
	        this.size = source["size"];
	        this.lang = source["lang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Total {
	    count: number;
	    amountCents: number;
	    expectedCents: number;
	
	    static createFrom(source: any = {}) {
	        return new Total(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.amountCents = source["amountCents"];
	        this.expectedCents = source["expectedCents"];
	    }
	}
	export class Row {
	    stageId: number;
	    name: string;
	    kind: string;
	    retired: boolean;
	    setId: number;
	    count: number;
	    countShare: number;
	    amountCents: number;
	    amountShare: number;
	    expectedCents: number;
	    expectedShare: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.retired = source["retired"];
	        this.setId = source["setId"];
	        this.count = source["count"];
	        this.countShare = source["countShare"];
	        this.amountCents = source["amountCents"];
	        this.amountShare = source["amountShare"];
	        this.expectedCents = source["expectedCents"];
	        this.expectedShare = source["expectedShare"];
	    }
	}
	export class Report {
	    filter: Filter;
	    ownerName: string;
	    stages: Row[];
	    total: Total;
	    sets: store.StageSet[];
	    generatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.ownerName = source["ownerName"];
	        this.stages = this.convertValues(source["stages"], Row);
	        this.total = this.convertValues(source["total"], Total);
	        this.sets = this.convertValues(source["sets"], store.StageSet);
	        this.generatedAt = source["generatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DrawRequest {
	    report: Report;
	    measure: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new DrawRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Report);
	        this.measure = source["measure"];
	        this.lang = source["lang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class StageRequest {
	    filter: Filter;
	    stageId: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new StageRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.stageId = source["stageId"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class View {
	    report: Report;
	    chart: Chart;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Report);
	        this.chart = this.convertValues(source["chart"], Chart);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ViewRequest {
	    filter: Filter;
	    measure: string;
	    lang: string;
	    figuresOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ViewRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.measure = source["measure"];
	        this.lang = source["lang"];
	        this.figuresOnly = source["figuresOnly"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class Field {
	    key: string;
	    label: string;
	    labelEn: string;
	    required: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.labelEn = source["labelEn"];
	        this.required = source["required"];
	    }
	}
	export class KindCount {
	    kind: string;
	    new: number;
	    updated: number;
	    skipped: number;
	    merged: number;
	    unchanged: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.skipped = source["skipped"];
	        this.merged = source["merged"];
	        this.unchanged = source["unchanged"];
	    }
	}
	export class MergeNote {
	    row: number;
	    first: number;
	    kind: string;
	    field: string;
	    column: string;
	    columnEn: string;
	    earlier: string;
	    earlierRow: number;
	    kept: string;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new MergeNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.first = source["first"];
	        this.kind = source["kind"];
	        this.field = source["field"];
	        this.column = source["column"];
	        this.columnEn = source["columnEn"];
	        this.earlier = source["earlier"];
	        this.earlierRow = source["earlierRow"];
	        this.kept = source["kept"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class StageChoice {
	    value: string;
	    count: number;
	    kind: string;
	    sourceBp: number;
	    action: string;
	    stageId: number;
	    newName: string;
	    newBp: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new StageChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.count = source["count"];
	        this.kind = source["kind"];
	        this.sourceBp = source["sourceBp"];
	        this.action = source["action"];
	        this.stageId = source["stageId"];
	        this.newName = source["newName"];
	        this.newBp = source["newBp"];
	        this.reason = source["reason"];
	    }
	}
	export class RowError {
	    row: number;
	    column: string;
	    field: string;
	    value: string;
	    key: string;
	    params?: Record<string, any>;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new RowError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.value = source["value"];
	        this.key = source["key"];
	        this.params = source["params"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	}
	export class Preview {
	    token: string;
	    fileName: string;
	    format: string;
	    encoding: string;
	    delimiter: string;
	    sheet: string;
	    headers: string[];
	    mapping: string[];
	    unmapped: string[];
	    fields: Field[];
	    sample: string[][];
	    totalRows: number;
	    errors: RowError[];
	    errorCount: number;
	    source: string;
	    sourceName: string;
	    stages: StageChoice[];
	    dateOrder: string;
	    dateOrderNeeded: boolean;
	    new: number;
	    duplicates: number;
	    rowActions: string[];
	    kind: string;
	    counts: KindCount[];
	    notes: MergeNote[];
	    noteCount: number;
	    newCustomers: number;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.delimiter = source["delimiter"];
	        this.sheet = source["sheet"];
	        this.headers = source["headers"];
	        this.mapping = source["mapping"];
	        this.unmapped = source["unmapped"];
	        this.fields = this.convertValues(source["fields"], Field);
	        this.sample = source["sample"];
	        this.totalRows = source["totalRows"];
	        this.errors = this.convertValues(source["errors"], RowError);
	        this.errorCount = source["errorCount"];
	        this.source = source["source"];
	        this.sourceName = source["sourceName"];
	        this.stages = this.convertValues(source["stages"], StageChoice);
	        this.dateOrder = source["dateOrder"];
	        this.dateOrderNeeded = source["dateOrderNeeded"];
	        this.new = source["new"];
	        this.duplicates = source["duplicates"];
	        this.rowActions = source["rowActions"];
	        this.kind = source["kind"];
	        this.counts = this.convertValues(source["counts"], KindCount);
	        this.notes = this.convertValues(source["notes"], MergeNote);
	        this.noteCount = source["noteCount"];
	        this.newCustomers = source["newCustomers"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PreviewOptions {
	    mapping: string[];
	    stages: StageChoice[];
	    dateOrder: string;
	    onDuplicate: string;
	    defaultOwnerId: number;
	    kind: string;
	    onDuplicateContacts: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviewOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mapping = source["mapping"];
	        this.stages = this.convertValues(source["stages"], StageChoice);
	        this.dateOrder = source["dateOrder"];
	        this.onDuplicate = source["onDuplicate"];
	        this.defaultOwnerId = source["defaultOwnerId"];
	        this.kind = source["kind"];
	        this.onDuplicateContacts = source["onDuplicateContacts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    opportunities: number;
	    added: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    merged: number;
	    source: string;
	    stagesMapped: string[];
	    stagesCreated: string[];
	    typesAdded: string[];
	    importId: number;
	    customersCreated: number;
	    ownersCreated: number;
	    format: string;
	    encoding: string;
	    ignored: string[];
	    kind: string;
	    counts: KindCount[];
	    notes: MergeNote[];
	    noteCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunities = source["opportunities"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.merged = source["merged"];
	        this.source = source["source"];
	        this.stagesMapped = source["stagesMapped"];
	        this.stagesCreated = source["stagesCreated"];
	        this.typesAdded = source["typesAdded"];
	        this.importId = source["importId"];
	        this.customersCreated = source["customersCreated"];
	        this.ownersCreated = source["ownersCreated"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.ignored = source["ignored"];
	        this.kind = source["kind"];
	        this.counts = this.convertValues(source["counts"], KindCount);
	        this.notes = this.convertValues(source["notes"], MergeNote);
	        this.noteCount = source["noteCount"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Progress {
	    jobId: string;
	    done: number;
	    total: number;
	    finished: boolean;
	    ok: boolean;
	    result: Result;
	    errors: RowError[];
	    errorCount: number;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new Progress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobId = source["jobId"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.finished = source["finished"];
	        this.ok = source["ok"];
	        this.result = this.convertValues(source["result"], Result);
	        this.errors = this.convertValues(source["errors"], RowError);
	        this.errorCount = source["errorCount"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class UndoProgress {
	    importId: number;
	    done: number;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.importId = source["importId"];
	        this.done = source["done"];
	        this.total = source["total"];
	    }
	}
	export class UndoResult {
	    importId: number;
	    kept: store.Changed[];
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.importId = source["importId"];
	        this.kept = this.convertValues(source["kept"], store.Changed);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace lead {
	
	export class ConvertCheck {
	    customerName: string;
	    contactName: string;
	    duplicates: pool.Duplicate[];
	
	    static createFrom(source: any = {}) {
	        return new ConvertCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerName = source["customerName"];
	        this.contactName = source["contactName"];
	        this.duplicates = this.convertValues(source["duplicates"], pool.Duplicate);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConvertInput {
	    leadId: number;
	    customerId: number;
	    customerName: string;
	    contactName: string;
	    contactTitle: string;
	    createOpportunity: boolean;
	    opportunityName: string;
	    stageId: number;
	    amount: string;
	    expectedClose: string;
	
	    static createFrom(source: any = {}) {
	        return new ConvertInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.leadId = source["leadId"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.contactName = source["contactName"];
	        this.contactTitle = source["contactTitle"];
	        this.createOpportunity = source["createOpportunity"];
	        this.opportunityName = source["opportunityName"];
	        this.stageId = source["stageId"];
	        this.amount = source["amount"];
	        this.expectedClose = source["expectedClose"];
	    }
	}
	export class Converted {
	    lead: store.Lead;
	    customer: store.Customer;
	    contact: store.Contact;
	    opportunity: store.Opportunity;
	    linked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Converted(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lead = this.convertValues(source["lead"], store.Lead);
	        this.customer = this.convertValues(source["customer"], store.Customer);
	        this.contact = this.convertValues(source["contact"], store.Contact);
	        this.opportunity = this.convertValues(source["opportunity"], store.Opportunity);
	        this.linked = source["linked"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    query: string;
	    status: string;
	    ownerId: number;
	    source: string;
	    createdFrom: string;
	    createdTo: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.source = source["source"];
	        this.createdFrom = source["createdFrom"];
	        this.createdTo = source["createdTo"];
	    }
	}
	export class Input {
	    name: string;
	    company: string;
	    contactName: string;
	    phone: string;
	    email: string;
	    source: string;
	    ownerId: number;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.company = source["company"];
	        this.contactName = source["contactName"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.notes = source["notes"];
	    }
	}
	export class ListRequest {
	    filter: Filter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Options {
	    statuses: string[];
	    sources: string[];
	    today: string;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statuses = source["statuses"];
	        this.sources = source["sources"];
	        this.today = source["today"];
	    }
	}
	export class Page {
	    items: store.Lead[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Lead);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RateRow {
	    key: string;
	    ownerId: number;
	    total: number;
	    converted: number;
	    invalid: number;
	    rateBp: number;
	
	    static createFrom(source: any = {}) {
	        return new RateRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.ownerId = source["ownerId"];
	        this.total = source["total"];
	        this.converted = source["converted"];
	        this.invalid = source["invalid"];
	        this.rateBp = source["rateBp"];
	    }
	}
	export class Report {
	    by: string;
	    from: string;
	    to: string;
	    rows: RateRow[];
	    total: RateRow;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.rows = this.convertValues(source["rows"], RateRow);
	        this.total = this.convertValues(source["total"], RateRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportRequest {
	    by: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class StatusChange {
	    ids: number[];
	    status: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new StatusChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	    }
	}

}

export namespace oplog {
	
	export class Change {
	    label: string;
	    old: string;
	    new: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.old = source["old"];
	        this.new = source["new"];
	    }
	}
	export class Changes {
	    zh: Change[];
	    en: Change[];
	
	    static createFrom(source: any = {}) {
	        return new Changes(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.zh = this.convertValues(source["zh"], Change);
	        this.en = this.convertValues(source["en"], Change);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    kind: string;
	    action: string;
	    recordId: number;
	    from: string;
	    to: string;
	    query: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.action = source["action"];
	        this.recordId = source["recordId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.query = source["query"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Item {
	    id: number;
	    at: string;
	    actor: string;
	    ownerName: string;
	    kind: string;
	    recordId: number;
	    recordName: string;
	    action: string;
	    oldJson: string;
	    newJson: string;
	    note: string;
	    changes: Changes;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.actor = source["actor"];
	        this.ownerName = source["ownerName"];
	        this.kind = source["kind"];
	        this.recordId = source["recordId"];
	        this.recordName = source["recordName"];
	        this.action = source["action"];
	        this.oldJson = source["oldJson"];
	        this.newJson = source["newJson"];
	        this.note = source["note"];
	        this.changes = this.convertValues(source["changes"], Changes);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    items: Item[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Item);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace opportunity {
	
	export class Column {
	    stage: store.Stage;
	    count: number;
	    amountCents: number;
	    cards: store.Opportunity[];
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = this.convertValues(source["stage"], store.Stage);
	        this.count = source["count"];
	        this.amountCents = source["amountCents"];
	        this.cards = this.convertValues(source["cards"], store.Opportunity);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Board {
	    columns: Column[];
	
	    static createFrom(source: any = {}) {
	        return new Board(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.columns = this.convertValues(source["columns"], Column);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ContactRole {
	    contactId: number;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new ContactRole(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.role = source["role"];
	    }
	}
	export class Detail {
	    opportunity: store.Opportunity;
	    history: store.StageChange[];
	    contacts: store.OppContact[];
	    staff: store.OppStaff[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunity = this.convertValues(source["opportunity"], store.Opportunity);
	        this.history = this.convertValues(source["history"], store.StageChange);
	        this.contacts = this.convertValues(source["contacts"], store.OppContact);
	        this.staff = this.convertValues(source["staff"], store.OppStaff);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Input {
	    name: string;
	    customerId: number;
	    type: string;
	    source: string;
	    ownerId: number;
	    campaign: string;
	    amount: string;
	    expectedClose: string;
	    nextStep: string;
	    stageId: number;
	    probability: string;
	    description: string;
	    lostReason: string;
	    competitor: string;
	    priority: string;
	    contacts: ContactRole[];
	    staffIds: number[];
	    confirmOrders: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.customerId = source["customerId"];
	        this.type = source["type"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.campaign = source["campaign"];
	        this.amount = source["amount"];
	        this.expectedClose = source["expectedClose"];
	        this.nextStep = source["nextStep"];
	        this.stageId = source["stageId"];
	        this.probability = source["probability"];
	        this.description = source["description"];
	        this.lostReason = source["lostReason"];
	        this.competitor = source["competitor"];
	        this.priority = source["priority"];
	        this.contacts = this.convertValues(source["contacts"], ContactRole);
	        this.staffIds = source["staffIds"];
	        this.confirmOrders = source["confirmOrders"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ListRequest {
	    filter: store.OpportunityFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.OpportunityFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Move {
	    stageId: number;
	    lostReason: string;
	    competitor: string;
	    confirmOrders: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.lostReason = source["lostReason"];
	        this.competitor = source["competitor"];
	        this.confirmOrders = source["confirmOrders"];
	    }
	}
	export class Options {
	    types: string[];
	    sources: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.types = source["types"];
	        this.sources = source["sources"];
	    }
	}
	export class Page {
	    items: store.Opportunity[];
	    total: number;
	    totalCapped: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Opportunity);
	        this.total = source["total"];
	        this.totalCapped = source["totalCapped"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class View {
	    id: number;
	    name: string;
	    filter: store.OpportunityFilter;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.filter = this.convertValues(source["filter"], store.OpportunityFilter);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace order {
	
	export class Credit {
	    customerId: number;
	    customerName: string;
	    limitCents?: number;
	    days: number;
	    unpaidCents: number;
	    availableCents?: number;
	
	    static createFrom(source: any = {}) {
	        return new Credit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.limitCents = source["limitCents"];
	        this.days = source["days"];
	        this.unpaidCents = source["unpaidCents"];
	        this.availableCents = source["availableCents"];
	    }
	}
	export class CreditInput {
	    limit: string;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new CreditInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.limit = source["limit"];
	        this.days = source["days"];
	    }
	}
	export class WinOutcome {
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new WinOutcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class WinOffer {
	    opportunityId: number;
	    name: string;
	    outcomes: WinOutcome[];
	
	    static createFrom(source: any = {}) {
	        return new WinOffer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunityId = source["opportunityId"];
	        this.name = source["name"];
	        this.outcomes = this.convertValues(source["outcomes"], WinOutcome);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Figures {
	    totalCents: number;
	    returnedCents: number;
	    netCents: number;
	    receivedCents: number;
	    outstandingCents: number;
	    overdueCents: number;
	    invoicedCents: number;
	    uninvoicedCents: number;
	    refundDueCents: number;
	    planCents: number;
	    asOf: string;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.totalCents = source["totalCents"];
	        this.returnedCents = source["returnedCents"];
	        this.netCents = source["netCents"];
	        this.receivedCents = source["receivedCents"];
	        this.outstandingCents = source["outstandingCents"];
	        this.overdueCents = source["overdueCents"];
	        this.invoicedCents = source["invoicedCents"];
	        this.uninvoicedCents = source["uninvoicedCents"];
	        this.refundDueCents = source["refundDueCents"];
	        this.planCents = source["planCents"];
	        this.asOf = source["asOf"];
	    }
	}
	export class Detail {
	    order: store.Order;
	    lines: store.OrderLine[];
	    plan: store.Installment[];
	    receipts: store.Receipt[];
	    invoices: store.Invoice[];
	    returns: store.SalesReturn[];
	    figures: Figures;
	    allowed: string[];
	    winOffer?: WinOffer;
	    won?: boolean;
	    wonStage?: string;
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.order = this.convertValues(source["order"], store.Order);
	        this.lines = this.convertValues(source["lines"], store.OrderLine);
	        this.plan = this.convertValues(source["plan"], store.Installment);
	        this.receipts = this.convertValues(source["receipts"], store.Receipt);
	        this.invoices = this.convertValues(source["invoices"], store.Invoice);
	        this.returns = this.convertValues(source["returns"], store.SalesReturn);
	        this.figures = this.convertValues(source["figures"], Figures);
	        this.allowed = source["allowed"];
	        this.winOffer = this.convertValues(source["winOffer"], WinOffer);
	        this.won = source["won"];
	        this.wonStage = source["wonStage"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class HeaderInput {
	    title: string;
	    ownerId: number;
	    signedDate: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new HeaderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.signedDate = source["signedDate"];
	        this.notes = source["notes"];
	    }
	}
	export class InstallmentInput {
	    id: number;
	    dueDate: string;
	    amount: string;
	    ownerId: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new InstallmentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.dueDate = source["dueDate"];
	        this.amount = source["amount"];
	        this.ownerId = source["ownerId"];
	        this.note = source["note"];
	    }
	}
	export class Input {
	    title: string;
	    customerId: number;
	    opportunityId: number;
	    quoteId: number;
	    ownerId: number;
	    signedDate: string;
	    notes: string;
	    lines: product.LineInput[];
	    plan: InstallmentInput[];
	    confirmEarlier: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.quoteId = source["quoteId"];
	        this.ownerId = source["ownerId"];
	        this.signedDate = source["signedDate"];
	        this.notes = source["notes"];
	        this.lines = this.convertValues(source["lines"], product.LineInput);
	        this.plan = this.convertValues(source["plan"], InstallmentInput);
	        this.confirmEarlier = source["confirmEarlier"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class InvoiceInput {
	    orderId: number;
	    number: string;
	    date: string;
	    amount: string;
	    kind: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new InvoiceInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.number = source["number"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.kind = source["kind"];
	        this.note = source["note"];
	    }
	}
	export class InvoiceListRequest {
	    filter: store.InvoiceFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new InvoiceListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.InvoiceFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class InvoicePage {
	    items: store.Invoice[];
	    total: number;
	    sumCents: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new InvoicePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Invoice);
	        this.total = source["total"];
	        this.sumCents = source["sumCents"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ListRequest {
	    filter: store.OrderFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.OrderFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Options {
	    statuses: quote.StatusLabel[];
	    receiptMethods: string[];
	    invoiceKinds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statuses = this.convertValues(source["statuses"], quote.StatusLabel);
	        this.receiptMethods = source["receiptMethods"];
	        this.invoiceKinds = source["invoiceKinds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    items: store.Order[];
	    total: number;
	    page: number;
	    pageSize: number;
	    asOf: string;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Order);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.asOf = source["asOf"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReceiptInput {
	    installmentId: number;
	    date: string;
	    amount: string;
	    method: string;
	    note: string;
	    confirmEarlier: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReceiptInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.installmentId = source["installmentId"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.method = source["method"];
	        this.note = source["note"];
	        this.confirmEarlier = source["confirmEarlier"];
	    }
	}
	export class ReceiptListRequest {
	    filter: store.ReceiptFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ReceiptListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.ReceiptFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReceiptPage {
	    items: store.Receipt[];
	    total: number;
	    sumCents: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ReceiptPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Receipt);
	        this.total = source["total"];
	        this.sumCents = source["sumCents"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReturnLineInput {
	    orderLineId: number;
	    quantity: string;
	
	    static createFrom(source: any = {}) {
	        return new ReturnLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderLineId = source["orderLineId"];
	        this.quantity = source["quantity"];
	    }
	}
	export class ReturnInput {
	    orderId: number;
	    date: string;
	    reason: string;
	    lines: ReturnLineInput[];
	
	    static createFrom(source: any = {}) {
	        return new ReturnInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orderId = source["orderId"];
	        this.date = source["date"];
	        this.reason = source["reason"];
	        this.lines = this.convertValues(source["lines"], ReturnLineInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class TermsInput {
	    priceListId: number;
	    limit: string;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new TermsInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.priceListId = source["priceListId"];
	        this.limit = source["limit"];
	        this.days = source["days"];
	    }
	}
	

}

export namespace owner {
	
	export class Input {
	    name: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.active = source["active"];
	    }
	}

}

export namespace playbook {
	
	export class ActionInput {
	    name: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new ActionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	    }
	}
	export class Playbook {
	    stageId: number;
	    autoPromote: boolean;
	    steps: store.StageAction[];
	
	    static createFrom(source: any = {}) {
	        return new Playbook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.autoPromote = source["autoPromote"];
	        this.steps = this.convertValues(source["steps"], store.StageAction);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StepInput {
	    actionId: number;
	    required: boolean;
	    dueDays: string;
	
	    static createFrom(source: any = {}) {
	        return new StepInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actionId = source["actionId"];
	        this.required = source["required"];
	        this.dueDays = source["dueDays"];
	    }
	}
	export class PlaybookInput {
	    autoPromote: boolean;
	    steps: StepInput[];
	
	    static createFrom(source: any = {}) {
	        return new PlaybookInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.autoPromote = source["autoPromote"];
	        this.steps = this.convertValues(source["steps"], StepInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace pool {
	
	export class ActionInput {
	    customerIds: number[];
	    ownerId: number;
	    actorId: number;
	    poolId: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new ActionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerIds = source["customerIds"];
	        this.ownerId = source["ownerId"];
	        this.actorId = source["actorId"];
	        this.poolId = source["poolId"];
	        this.reason = source["reason"];
	    }
	}
	export class DupeQuery {
	    name: string;
	    phone: string;
	    email: string;
	    excludeId: number;
	
	    static createFrom(source: any = {}) {
	        return new DupeQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.excludeId = source["excludeId"];
	    }
	}
	export class Duplicate {
	    id: number;
	    name: string;
	    by: string;
	    status: string;
	    ownerId?: number;
	    ownerName: string;
	    poolId?: number;
	    poolName: string;
	    blocking: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Duplicate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.by = source["by"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.poolId = source["poolId"];
	        this.poolName = source["poolName"];
	        this.blocking = source["blocking"];
	    }
	}
	export class Filter {
	    poolId: number;
	    voided: boolean;
	    query: string;
	    level: string;
	    source: string;
	    industry: string;
	    region: string;
	    reason: string;
	    noFollowUpDays: number;
	    inPoolDays: number;
	    sort: string;
	    desc: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.poolId = source["poolId"];
	        this.voided = source["voided"];
	        this.query = source["query"];
	        this.level = source["level"];
	        this.source = source["source"];
	        this.industry = source["industry"];
	        this.region = source["region"];
	        this.reason = source["reason"];
	        this.noFollowUpDays = source["noFollowUpDays"];
	        this.inPoolDays = source["inPoolDays"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Input {
	    name: string;
	    managerId: number;
	    claimEnabled: boolean;
	    dailyLimit: number;
	    totalLimit: number;
	    reclaimDays: number;
	    members: store.PoolMember[];
	    rules: store.PoolRule[];
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.managerId = source["managerId"];
	        this.claimEnabled = source["claimEnabled"];
	        this.dailyLimit = source["dailyLimit"];
	        this.totalLimit = source["totalLimit"];
	        this.reclaimDays = source["reclaimDays"];
	        this.members = this.convertValues(source["members"], store.PoolMember);
	        this.rules = this.convertValues(source["rules"], store.PoolRule);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Move {
	    customerId: number;
	    customer: string;
	    ownerId: number;
	    owner: string;
	    poolId: number;
	    pool: string;
	    level: string;
	    rule: string;
	    days: number;
	    due: string;
	    reason: string;
	    reasonEn: string;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.customer = source["customer"];
	        this.ownerId = source["ownerId"];
	        this.owner = source["owner"];
	        this.poolId = source["poolId"];
	        this.pool = source["pool"];
	        this.level = source["level"];
	        this.rule = source["rule"];
	        this.days = source["days"];
	        this.due = source["due"];
	        this.reason = source["reason"];
	        this.reasonEn = source["reasonEn"];
	    }
	}
	export class Overview {
	    pools: store.Pool[];
	    levels: string[];
	    teams: store.Team[];
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pools = this.convertValues(source["pools"], store.Pool);
	        this.levels = source["levels"];
	        this.teams = this.convertValues(source["teams"], store.Team);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    items: store.PoolCustomer[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.PoolCustomer);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Report {
	    today: string;
	    dryRun: boolean;
	    moves: Move[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.dryRun = source["dryRun"];
	        this.moves = this.convertValues(source["moves"], Move);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	    }
	}
	export class Settings {
	    pool: store.Pool;
	    members: store.PoolMember[];
	    rules: store.PoolRule[];
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pool = this.convertValues(source["pool"], store.Pool);
	        this.members = this.convertValues(source["members"], store.PoolMember);
	        this.rules = this.convertValues(source["rules"], store.PoolRule);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace product {
	
	export class CategoryInput {
	    name: string;
	    parentId: number;
	
	    static createFrom(source: any = {}) {
	        return new CategoryInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.parentId = source["parentId"];
	    }
	}
	export class Detail {
	    product: store.Product;
	    prices: store.PriceListItem[];
	    used: number;
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.product = this.convertValues(source["product"], store.Product);
	        this.prices = this.convertValues(source["prices"], store.PriceListItem);
	        this.used = source["used"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    query: string;
	    categoryId: number;
	    ownerIds: number[];
	    status: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.categoryId = source["categoryId"];
	        this.ownerIds = source["ownerIds"];
	        this.status = source["status"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class Input {
	    code: string;
	    name: string;
	    categoryId: number;
	    unit: string;
	    price: string;
	    ownerId: number;
	    retired: boolean;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.categoryId = source["categoryId"];
	        this.unit = source["unit"];
	        this.price = source["price"];
	        this.ownerId = source["ownerId"];
	        this.retired = source["retired"];
	        this.description = source["description"];
	    }
	}
	export class LineInput {
	    productId: number;
	    quantity: string;
	    unitPrice: string;
	    discount: string;
	
	    static createFrom(source: any = {}) {
	        return new LineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.quantity = source["quantity"];
	        this.unitPrice = source["unitPrice"];
	        this.discount = source["discount"];
	    }
	}
	export class ListRequest {
	    filter: Filter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpportunityLines {
	    opportunityId: number;
	    followLines: boolean;
	    lines: store.Line[];
	    totalCents: number;
	    amountCents: number;
	
	    static createFrom(source: any = {}) {
	        return new OpportunityLines(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunityId = source["opportunityId"];
	        this.followLines = source["followLines"];
	        this.lines = this.convertValues(source["lines"], store.Line);
	        this.totalCents = source["totalCents"];
	        this.amountCents = source["amountCents"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpportunityLinesInput {
	    followLines: boolean;
	    lines: LineInput[];
	
	    static createFrom(source: any = {}) {
	        return new OpportunityLinesInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.followLines = source["followLines"];
	        this.lines = this.convertValues(source["lines"], LineInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Options {
	    units: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.units = source["units"];
	    }
	}
	export class Page {
	    items: store.Product[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Product);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Price {
	    productId: number;
	    unitPriceCents: number;
	    standardPriceCents: number;
	    fromPriceList: boolean;
	    priceListId: number;
	    priceListName: string;
	
	    static createFrom(source: any = {}) {
	        return new Price(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.unitPriceCents = source["unitPriceCents"];
	        this.standardPriceCents = source["standardPriceCents"];
	        this.fromPriceList = source["fromPriceList"];
	        this.priceListId = source["priceListId"];
	        this.priceListName = source["priceListName"];
	    }
	}
	export class PriceInput {
	    productId: number;
	    price: string;
	
	    static createFrom(source: any = {}) {
	        return new PriceInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productId = source["productId"];
	        this.price = source["price"];
	    }
	}
	export class PriceListDetail {
	    priceList: store.PriceList;
	    items: store.PriceListItem[];
	
	    static createFrom(source: any = {}) {
	        return new PriceListDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.priceList = this.convertValues(source["priceList"], store.PriceList);
	        this.items = this.convertValues(source["items"], store.PriceListItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PriceListInput {
	    name: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new PriceListInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.notes = source["notes"];
	    }
	}

}

export namespace quote {
	
	export class Company {
	    name: string;
	    address: string;
	    phone: string;
	    fax: string;
	    email: string;
	    taxId: string;
	    bankName: string;
	    bankAccount: string;
	
	    static createFrom(source: any = {}) {
	        return new Company(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.address = source["address"];
	        this.phone = source["phone"];
	        this.fax = source["fax"];
	        this.email = source["email"];
	        this.taxId = source["taxId"];
	        this.bankName = source["bankName"];
	        this.bankAccount = source["bankAccount"];
	    }
	}
	export class Detail {
	    quote: store.Quote;
	    lines: store.Line[];
	    orders: store.Order[];
	    allowed: string[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.quote = this.convertValues(source["quote"], store.Quote);
	        this.lines = this.convertValues(source["lines"], store.Line);
	        this.orders = this.convertValues(source["orders"], store.Order);
	        this.allowed = source["allowed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Input {
	    title: string;
	    customerId: number;
	    opportunityId: number;
	    ownerId: number;
	    quoteDate: string;
	    validUntil: string;
	    terms: string;
	    notes: string;
	    lines: product.LineInput[];
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.ownerId = source["ownerId"];
	        this.quoteDate = source["quoteDate"];
	        this.validUntil = source["validUntil"];
	        this.terms = source["terms"];
	        this.notes = source["notes"];
	        this.lines = this.convertValues(source["lines"], product.LineInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ListRequest {
	    filter: store.QuoteFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.QuoteFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    items: store.Quote[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Quote);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StatusLabel {
	    code: string;
	    label: string;
	    labelEn: string;
	
	    static createFrom(source: any = {}) {
	        return new StatusLabel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	        this.labelEn = source["labelEn"];
	    }
	}

}

export namespace recycle {
	
	export class Filter {
	    kind: string;
	    query: string;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.query = source["query"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	}
	export class Page {
	    items: store.BinEntry[];
	    total: number;
	    page: number;
	    pageSize: number;
	    days: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.BinEntry);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.days = source["days"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace report {
	
	export class ReceivablesPage {
	    groupBy: string;
	    items: store.ReceivableGroup[];
	    total: number;
	    totals: store.ReceivableGroup;
	    page: number;
	    pageSize: number;
	    asOf: string;
	
	    static createFrom(source: any = {}) {
	        return new ReceivablesPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupBy = source["groupBy"];
	        this.items = this.convertValues(source["items"], store.ReceivableGroup);
	        this.total = source["total"];
	        this.totals = this.convertValues(source["totals"], store.ReceivableGroup);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.asOf = source["asOf"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReceivablesRequest {
	    groupBy: string;
	    filter: store.ReceivableFilter;
	    overdueOnly: boolean;
	    sort: string;
	    desc: boolean;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ReceivablesRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupBy = source["groupBy"];
	        this.filter = this.convertValues(source["filter"], store.ReceivableFilter);
	        this.overdueOnly = source["overdueOnly"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SalesCell {
	    qtyMilli: number;
	    amountCents: number;
	
	    static createFrom(source: any = {}) {
	        return new SalesCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.qtyMilli = source["qtyMilli"];
	        this.amountCents = source["amountCents"];
	    }
	}
	export class SalesRequest {
	    groupBy: string;
	    from: string;
	    to: string;
	    categoryId: number;
	    ownerIds: number[];
	    customerId: number;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new SalesRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupBy = source["groupBy"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.categoryId = source["categoryId"];
	        this.ownerIds = source["ownerIds"];
	        this.customerId = source["customerId"];
	        this.lang = source["lang"];
	    }
	}
	export class SalesChartRequest {
	    sales: SalesRequest;
	    measure: string;
	    size: string;
	    lang: string;
	    topN: number;
	
	    static createFrom(source: any = {}) {
	        return new SalesChartRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sales = this.convertValues(source["sales"], SalesRequest);
	        this.measure = source["measure"];
	        this.size = source["size"];
	        this.lang = source["lang"];
	        this.topN = source["topN"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SalesRow {
	    id: number;
	    code: string;
	    name: string;
	    unit: string;
	    months: SalesCell[];
	    total: SalesCell;
	
	    static createFrom(source: any = {}) {
	        return new SalesRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.unit = source["unit"];
	        this.months = this.convertValues(source["months"], SalesCell);
	        this.total = this.convertValues(source["total"], SalesCell);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SalesReport {
	    groupBy: string;
	    months: string[];
	    rows: SalesRow[];
	    totals: SalesCell[];
	    total: SalesCell;
	    filters: string;
	
	    static createFrom(source: any = {}) {
	        return new SalesReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupBy = source["groupBy"];
	        this.months = source["months"];
	        this.rows = this.convertValues(source["rows"], SalesRow);
	        this.totals = this.convertValues(source["totals"], SalesCell);
	        this.total = this.convertValues(source["total"], SalesCell);
	        this.filters = source["filters"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace reportframe {
	
	export class Filters {
	    from: string;
	    to: string;
	    ownerIds: number[];
	    teamId: number;
	    type: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Filters(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.ownerIds = source["ownerIds"];
	        this.teamId = source["teamId"];
	        this.type = source["type"];
	        this.source = source["source"];
	    }
	}

}

export namespace search {
	
	export class Results {
	    query: string;
	    hits: store.SearchHit[];
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.hits = this.convertValues(source["hits"], store.SearchHit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace settings {
	
	export class Settings {
	    language: string;
	    dbPath: string;
	    offerDemo: boolean;
	    canLoadDemo: boolean;
	    demoRecords: number;
	    orderWins: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.dbPath = source["dbPath"];
	        this.offerDemo = source["offerDemo"];
	        this.canLoadDemo = source["canLoadDemo"];
	        this.demoRecords = source["demoRecords"];
	        this.orderWins = source["orderWins"];
	    }
	}

}

export namespace stage {
	
	export class Input {
	    name: string;
	    probability: string;
	    after: number;
	    kind: string;
	    setId: number;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.probability = source["probability"];
	        this.after = source["after"];
	        this.kind = source["kind"];
	        this.setId = source["setId"];
	    }
	}
	export class SetInput {
	    name: string;
	    types: string[];
	
	    static createFrom(source: any = {}) {
	        return new SetInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.types = source["types"];
	    }
	}

}

export namespace store {
	
	export class Action {
	    id: number;
	    name: string;
	    description: string;
	    inUse: number;
	
	    static createFrom(source: any = {}) {
	        return new Action(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.inUse = source["inUse"];
	    }
	}
	export class ActionProgress {
	    opportunityId: number;
	    done: number;
	    total: number;
	    openRequired: number;
	
	    static createFrom(source: any = {}) {
	        return new ActionProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunityId = source["opportunityId"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.openRequired = source["openRequired"];
	    }
	}
	export class AssigneeLoad {
	    assigneeId: number;
	    assigneeName: string;
	    open: number;
	    overdue: number;
	    dueToday: number;
	    dueThisWeek: number;
	
	    static createFrom(source: any = {}) {
	        return new AssigneeLoad(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assigneeId = source["assigneeId"];
	        this.assigneeName = source["assigneeName"];
	        this.open = source["open"];
	        this.overdue = source["overdue"];
	        this.dueToday = source["dueToday"];
	        this.dueThisWeek = source["dueThisWeek"];
	    }
	}
	export class LatestRecord {
	    kind: string;
	    name: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new LatestRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class BackupSummary {
	    schema: number;
	    customers: number;
	    contacts: number;
	    opportunities: number;
	    products: number;
	    quotes: number;
	    orders: number;
	    latest: LatestRecord[];
	
	    static createFrom(source: any = {}) {
	        return new BackupSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schema = source["schema"];
	        this.customers = source["customers"];
	        this.contacts = source["contacts"];
	        this.opportunities = source["opportunities"];
	        this.products = source["products"];
	        this.quotes = source["quotes"];
	        this.orders = source["orders"];
	        this.latest = this.convertValues(source["latest"], LatestRecord);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BinEntry {
	    id: number;
	    kind: string;
	    recordId: number;
	    name: string;
	    deletedAt: string;
	    held: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new BinEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.recordId = source["recordId"];
	        this.name = source["name"];
	        this.deletedAt = source["deletedAt"];
	        this.held = source["held"];
	    }
	}
	export class Category {
	    id: number;
	    name: string;
	    parentId?: number;
	    position: number;
	    depth: number;
	    path: string;
	    products: number;
	    children: number;
	
	    static createFrom(source: any = {}) {
	        return new Category(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.parentId = source["parentId"];
	        this.position = source["position"];
	        this.depth = source["depth"];
	        this.path = source["path"];
	        this.products = source["products"];
	        this.children = source["children"];
	    }
	}
	export class Changed {
	    table: string;
	    id: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Changed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Contact {
	    id: number;
	    customerId: number;
	    name: string;
	    title: string;
	    phone: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	    }
	}
	export class Customer {
	    id: number;
	    name: string;
	    classification: string;
	    source: string;
	    industry: string;
	    phone: string;
	    address: string;
	    ownerId?: number;
	    ownerName: string;
	    notes: string;
	    createdAt: string;
	    updatedAt: string;
	    lastFollowupAt: string;
	    opportunities: number;
	    level: string;
	    status: string;
	    poolId?: number;
	    poolName: string;
	    homePoolId?: number;
	    ownedSince: string;
	    poolSince: string;
	    poolReason: string;
	
	    static createFrom(source: any = {}) {
	        return new Customer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.classification = source["classification"];
	        this.source = source["source"];
	        this.industry = source["industry"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.lastFollowupAt = source["lastFollowupAt"];
	        this.opportunities = source["opportunities"];
	        this.level = source["level"];
	        this.status = source["status"];
	        this.poolId = source["poolId"];
	        this.poolName = source["poolName"];
	        this.homePoolId = source["homePoolId"];
	        this.ownedSince = source["ownedSince"];
	        this.poolSince = source["poolSince"];
	        this.poolReason = source["poolReason"];
	    }
	}
	export class CustomerTerms {
	    customerId: number;
	    customerName: string;
	    priceListId?: number;
	    priceListName: string;
	    creditLimitCents?: number;
	    creditDays: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerTerms(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.priceListId = source["priceListId"];
	        this.priceListName = source["priceListName"];
	        this.creditLimitCents = source["creditLimitCents"];
	        this.creditDays = source["creditDays"];
	    }
	}
	export class DueInstallment {
	    id: number;
	    orderId: number;
	    orderNumber: string;
	    customerId: number;
	    customerName: string;
	    ownerName: string;
	    seq: number;
	    dueDate: string;
	    openCents: number;
	
	    static createFrom(source: any = {}) {
	        return new DueInstallment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.ownerName = source["ownerName"];
	        this.seq = source["seq"];
	        this.dueDate = source["dueDate"];
	        this.openCents = source["openCents"];
	    }
	}
	export class ExpiringQuote {
	    id: number;
	    number: string;
	    title: string;
	    customerId: number;
	    customerName: string;
	    ownerName: string;
	    status: string;
	    validUntil: string;
	    totalCents: number;
	
	    static createFrom(source: any = {}) {
	        return new ExpiringQuote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.title = source["title"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.ownerName = source["ownerName"];
	        this.status = source["status"];
	        this.validUntil = source["validUntil"];
	        this.totalCents = source["totalCents"];
	    }
	}
	export class FieldChange {
	    id: number;
	    field: string;
	    old: any;
	    new: any;
	    oldText: string;
	    newText: string;
	    changedAt: string;
	    changedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.oldText = source["oldText"];
	        this.newText = source["newText"];
	        this.changedAt = source["changedAt"];
	        this.changedBy = source["changedBy"];
	    }
	}
	export class Flow {
	    id: number;
	    customerId: number;
	    action: string;
	    at: string;
	    actorId?: number;
	    actorName: string;
	    forId?: number;
	    forName: string;
	    from: string;
	    to: string;
	    poolId?: number;
	    rule: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Flow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.action = source["action"];
	        this.at = source["at"];
	        this.actorId = source["actorId"];
	        this.actorName = source["actorName"];
	        this.forId = source["forId"];
	        this.forName = source["forName"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.poolId = source["poolId"];
	        this.rule = source["rule"];
	        this.reason = source["reason"];
	    }
	}
	export class FollowUp {
	    id: number;
	    customerId: number;
	    leadId: number;
	    leadName: string;
	    contactId: number;
	    opportunityId: number;
	    customerName: string;
	    contactName: string;
	    opportunityName: string;
	    date: string;
	    time: string;
	    method: string;
	    content: string;
	    nextDate: string;
	    nextAction: string;
	    pending: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.leadId = source["leadId"];
	        this.leadName = source["leadName"];
	        this.contactId = source["contactId"];
	        this.opportunityId = source["opportunityId"];
	        this.customerName = source["customerName"];
	        this.contactName = source["contactName"];
	        this.opportunityName = source["opportunityName"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.method = source["method"];
	        this.content = source["content"];
	        this.nextDate = source["nextDate"];
	        this.nextAction = source["nextAction"];
	        this.pending = source["pending"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Import {
	    id: number;
	    fileName: string;
	    kind: string;
	    source: string;
	    createdAt: string;
	    added: number;
	    updated: number;
	    skipped: number;
	    summary: string;
	    mapping: string;
	    undoneAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Import(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.kind = source["kind"];
	        this.source = source["source"];
	        this.createdAt = source["createdAt"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.skipped = source["skipped"];
	        this.summary = source["summary"];
	        this.mapping = source["mapping"];
	        this.undoneAt = source["undoneAt"];
	    }
	}
	export class ImportItemCount {
	    table: string;
	    added: number;
	    updated: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportItemCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	    }
	}
	export class Installment {
	    id: number;
	    orderId: number;
	    seq: number;
	    dueDate: string;
	    amountCents: number;
	    receivedCents: number;
	    ownerId: number;
	    ownerName: string;
	    note: string;
	    outstandingCents: number;
	    overdue: boolean;
	    receipts: number;
	
	    static createFrom(source: any = {}) {
	        return new Installment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.orderId = source["orderId"];
	        this.seq = source["seq"];
	        this.dueDate = source["dueDate"];
	        this.amountCents = source["amountCents"];
	        this.receivedCents = source["receivedCents"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.note = source["note"];
	        this.outstandingCents = source["outstandingCents"];
	        this.overdue = source["overdue"];
	        this.receipts = source["receipts"];
	    }
	}
	export class Invoice {
	    id: number;
	    number: string;
	    orderId: number;
	    orderNumber: string;
	    customerId: number;
	    customerName: string;
	    date: string;
	    amountCents: number;
	    kind: string;
	    note: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Invoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.date = source["date"];
	        this.amountCents = source["amountCents"];
	        this.kind = source["kind"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class InvoiceFilter {
	    query: string;
	    customerId: number;
	    orderId: number;
	    ownerIds: number[];
	    kinds: string[];
	    dateFrom: string;
	    dateTo: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new InvoiceFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.customerId = source["customerId"];
	        this.orderId = source["orderId"];
	        this.ownerIds = source["ownerIds"];
	        this.kinds = source["kinds"];
	        this.dateFrom = source["dateFrom"];
	        this.dateTo = source["dateTo"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	
	export class Lead {
	    id: number;
	    name: string;
	    company: string;
	    contactName: string;
	    phone: string;
	    email: string;
	    source: string;
	    ownerId: number;
	    ownerName: string;
	    status: string;
	    invalidReason: string;
	    notes: string;
	    customerId: number;
	    customerName: string;
	    contactId: number;
	    contactRecordName: string;
	    opportunityId: number;
	    opportunityName: string;
	    convertedAt: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Lead(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.contactName = source["contactName"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.status = source["status"];
	        this.invalidReason = source["invalidReason"];
	        this.notes = source["notes"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.contactId = source["contactId"];
	        this.contactRecordName = source["contactRecordName"];
	        this.opportunityId = source["opportunityId"];
	        this.opportunityName = source["opportunityName"];
	        this.convertedAt = source["convertedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Line {
	    id: number;
	    position: number;
	    productId: number;
	    productCode: string;
	    productName: string;
	    unit: string;
	    qtyMilli: number;
	    unitPriceCents: number;
	    discountBp: number;
	    totalCents: number;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.position = source["position"];
	        this.productId = source["productId"];
	        this.productCode = source["productCode"];
	        this.productName = source["productName"];
	        this.unit = source["unit"];
	        this.qtyMilli = source["qtyMilli"];
	        this.unitPriceCents = source["unitPriceCents"];
	        this.discountBp = source["discountBp"];
	        this.totalCents = source["totalCents"];
	    }
	}
	export class OppContact {
	    contactId: number;
	    name: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new OppContact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contactId = source["contactId"];
	        this.name = source["name"];
	        this.role = source["role"];
	    }
	}
	export class OppStaff {
	    ownerId: number;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new OppStaff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.name = source["name"];
	    }
	}
	export class Opportunity {
	    id: number;
	    name: string;
	    customerId: number;
	    customerName: string;
	    type: string;
	    source: string;
	    ownerId: number;
	    ownerName: string;
	    campaign: string;
	    amountCents: number;
	    expectedClose: string;
	    nextStep: string;
	    stageId: number;
	    stageName: string;
	    stageKind: string;
	    probabilityBp: number;
	    description: string;
	    lostReason: string;
	    competitor: string;
	    priority: string;
	    createdAt: string;
	    updatedAt: string;
	    externalId: string;
	    lastFollowupAt: string;
	    contactsText: string;
	    staffText: string;
	
	    static createFrom(source: any = {}) {
	        return new Opportunity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.type = source["type"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.campaign = source["campaign"];
	        this.amountCents = source["amountCents"];
	        this.expectedClose = source["expectedClose"];
	        this.nextStep = source["nextStep"];
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.stageKind = source["stageKind"];
	        this.probabilityBp = source["probabilityBp"];
	        this.description = source["description"];
	        this.lostReason = source["lostReason"];
	        this.competitor = source["competitor"];
	        this.priority = source["priority"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.externalId = source["externalId"];
	        this.lastFollowupAt = source["lastFollowupAt"];
	        this.contactsText = source["contactsText"];
	        this.staffText = source["staffText"];
	    }
	}
	export class OpportunityFilter {
	    view: string;
	    stageIds: number[];
	    ownerIds: number[];
	    sources: string[];
	    types: string[];
	    customerId: number;
	    closeFrom: string;
	    closeTo: string;
	    stageSetId: number;
	    createdFrom: string;
	    createdTo: string;
	    closedFrom: string;
	    closedTo: string;
	    lostReasons: string[];
	    competitors: string[];
	    query: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OpportunityFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.stageIds = source["stageIds"];
	        this.ownerIds = source["ownerIds"];
	        this.sources = source["sources"];
	        this.types = source["types"];
	        this.customerId = source["customerId"];
	        this.closeFrom = source["closeFrom"];
	        this.closeTo = source["closeTo"];
	        this.stageSetId = source["stageSetId"];
	        this.createdFrom = source["createdFrom"];
	        this.createdTo = source["createdTo"];
	        this.closedFrom = source["closedFrom"];
	        this.closedTo = source["closedTo"];
	        this.lostReasons = source["lostReasons"];
	        this.competitors = source["competitors"];
	        this.query = source["query"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class Order {
	    id: number;
	    number: string;
	    title: string;
	    customerId: number;
	    customerName: string;
	    opportunityId?: number;
	    opportunityName: string;
	    quoteId?: number;
	    quoteNumber: string;
	    ownerId: number;
	    ownerName: string;
	    signedDate: string;
	    status: string;
	    totalCents: number;
	    returnedCents: number;
	    netCents: number;
	    receivedCents: number;
	    invoicedCents: number;
	    outstandingCents: number;
	    overdueCents: number;
	    notes: string;
	    voidReason: string;
	    voidedAt: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Order(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.title = source["title"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.opportunityId = source["opportunityId"];
	        this.opportunityName = source["opportunityName"];
	        this.quoteId = source["quoteId"];
	        this.quoteNumber = source["quoteNumber"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.signedDate = source["signedDate"];
	        this.status = source["status"];
	        this.totalCents = source["totalCents"];
	        this.returnedCents = source["returnedCents"];
	        this.netCents = source["netCents"];
	        this.receivedCents = source["receivedCents"];
	        this.invoicedCents = source["invoicedCents"];
	        this.outstandingCents = source["outstandingCents"];
	        this.overdueCents = source["overdueCents"];
	        this.notes = source["notes"];
	        this.voidReason = source["voidReason"];
	        this.voidedAt = source["voidedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class OrderFilter {
	    query: string;
	    statuses: string[];
	    customerId: number;
	    opportunityId: number;
	    quoteId: number;
	    ownerIds: number[];
	    signedFrom: string;
	    signedTo: string;
	    overdue: boolean;
	    outstanding: boolean;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OrderFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.statuses = source["statuses"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.quoteId = source["quoteId"];
	        this.ownerIds = source["ownerIds"];
	        this.signedFrom = source["signedFrom"];
	        this.signedTo = source["signedTo"];
	        this.overdue = source["overdue"];
	        this.outstanding = source["outstanding"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class OrderLine {
	    id: number;
	    position: number;
	    productId: number;
	    productCode: string;
	    productName: string;
	    unit: string;
	    qtyMilli: number;
	    unitPriceCents: number;
	    discountBp: number;
	    totalCents: number;
	    returnedQtyMilli: number;
	    returnedCents: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.position = source["position"];
	        this.productId = source["productId"];
	        this.productCode = source["productCode"];
	        this.productName = source["productName"];
	        this.unit = source["unit"];
	        this.qtyMilli = source["qtyMilli"];
	        this.unitPriceCents = source["unitPriceCents"];
	        this.discountBp = source["discountBp"];
	        this.totalCents = source["totalCents"];
	        this.returnedQtyMilli = source["returnedQtyMilli"];
	        this.returnedCents = source["returnedCents"];
	    }
	}
	export class Owner {
	    id: number;
	    name: string;
	    active: boolean;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Owner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.active = source["active"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class Pool {
	    id: number;
	    name: string;
	    isCompany: boolean;
	    managerId?: number;
	    managerName: string;
	    claimEnabled: boolean;
	    dailyLimit: number;
	    totalLimit: number;
	    reclaimDays: number;
	    count: number;
	    voided: number;
	
	    static createFrom(source: any = {}) {
	        return new Pool(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.isCompany = source["isCompany"];
	        this.managerId = source["managerId"];
	        this.managerName = source["managerName"];
	        this.claimEnabled = source["claimEnabled"];
	        this.dailyLimit = source["dailyLimit"];
	        this.totalLimit = source["totalLimit"];
	        this.reclaimDays = source["reclaimDays"];
	        this.count = source["count"];
	        this.voided = source["voided"];
	    }
	}
	export class PoolCustomer {
	    id: number;
	    name: string;
	    classification: string;
	    source: string;
	    industry: string;
	    phone: string;
	    address: string;
	    ownerId?: number;
	    ownerName: string;
	    notes: string;
	    createdAt: string;
	    updatedAt: string;
	    lastFollowupAt: string;
	    opportunities: number;
	    level: string;
	    status: string;
	    poolId?: number;
	    poolName: string;
	    homePoolId?: number;
	    ownedSince: string;
	    poolSince: string;
	    poolReason: string;
	    lastFollowUp: string;
	
	    static createFrom(source: any = {}) {
	        return new PoolCustomer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.classification = source["classification"];
	        this.source = source["source"];
	        this.industry = source["industry"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.lastFollowupAt = source["lastFollowupAt"];
	        this.opportunities = source["opportunities"];
	        this.level = source["level"];
	        this.status = source["status"];
	        this.poolId = source["poolId"];
	        this.poolName = source["poolName"];
	        this.homePoolId = source["homePoolId"];
	        this.ownedSince = source["ownedSince"];
	        this.poolSince = source["poolSince"];
	        this.poolReason = source["poolReason"];
	        this.lastFollowUp = source["lastFollowUp"];
	    }
	}
	export class PoolMember {
	    teamId?: number;
	    ownerId?: number;
	
	    static createFrom(source: any = {}) {
	        return new PoolMember(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teamId = source["teamId"];
	        this.ownerId = source["ownerId"];
	    }
	}
	export class PoolRule {
	    id: number;
	    poolId: number;
	    level: string;
	    noFollowUpDays: number;
	    noWonDays: number;
	    afterOrderDays: number;
	    keepStageId?: number;
	    keepStageName: string;
	    warnDays: number;
	
	    static createFrom(source: any = {}) {
	        return new PoolRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.poolId = source["poolId"];
	        this.level = source["level"];
	        this.noFollowUpDays = source["noFollowUpDays"];
	        this.noWonDays = source["noWonDays"];
	        this.afterOrderDays = source["afterOrderDays"];
	        this.keepStageId = source["keepStageId"];
	        this.keepStageName = source["keepStageName"];
	        this.warnDays = source["warnDays"];
	    }
	}
	export class PriceList {
	    id: number;
	    name: string;
	    notes: string;
	    createdAt: string;
	    items: number;
	    customers: number;
	
	    static createFrom(source: any = {}) {
	        return new PriceList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.notes = source["notes"];
	        this.createdAt = source["createdAt"];
	        this.items = source["items"];
	        this.customers = source["customers"];
	    }
	}
	export class PriceListItem {
	    priceListId: number;
	    productId: number;
	    productCode: string;
	    productName: string;
	    unit: string;
	    standardPriceCents: number;
	    priceCents: number;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PriceListItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.priceListId = source["priceListId"];
	        this.productId = source["productId"];
	        this.productCode = source["productCode"];
	        this.productName = source["productName"];
	        this.unit = source["unit"];
	        this.standardPriceCents = source["standardPriceCents"];
	        this.priceCents = source["priceCents"];
	        this.active = source["active"];
	    }
	}
	export class Product {
	    id: number;
	    code: string;
	    name: string;
	    categoryId?: number;
	    categoryName: string;
	    unit: string;
	    priceCents: number;
	    ownerId?: number;
	    ownerName: string;
	    active: boolean;
	    description: string;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Product(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.categoryId = source["categoryId"];
	        this.categoryName = source["categoryName"];
	        this.unit = source["unit"];
	        this.priceCents = source["priceCents"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.active = source["active"];
	        this.description = source["description"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Quote {
	    id: number;
	    number: string;
	    title: string;
	    customerId: number;
	    customerName: string;
	    opportunityId?: number;
	    opportunityName: string;
	    ownerId: number;
	    ownerName: string;
	    status: string;
	    quoteDate: string;
	    validUntil: string;
	    terms: string;
	    notes: string;
	    totalCents: number;
	    approvedAt: string;
	    closedAt: string;
	    createdAt: string;
	    updatedAt: string;
	    orders: number;
	
	    static createFrom(source: any = {}) {
	        return new Quote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.title = source["title"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.opportunityId = source["opportunityId"];
	        this.opportunityName = source["opportunityName"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.status = source["status"];
	        this.quoteDate = source["quoteDate"];
	        this.validUntil = source["validUntil"];
	        this.terms = source["terms"];
	        this.notes = source["notes"];
	        this.totalCents = source["totalCents"];
	        this.approvedAt = source["approvedAt"];
	        this.closedAt = source["closedAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.orders = source["orders"];
	    }
	}
	export class QuoteFilter {
	    query: string;
	    statuses: string[];
	    customerId: number;
	    opportunityId: number;
	    ownerIds: number[];
	    dateFrom: string;
	    dateTo: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QuoteFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.statuses = source["statuses"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.ownerIds = source["ownerIds"];
	        this.dateFrom = source["dateFrom"];
	        this.dateTo = source["dateTo"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class Receipt {
	    id: number;
	    number: string;
	    orderId: number;
	    orderNumber: string;
	    installmentId: number;
	    installmentSeq: number;
	    customerId: number;
	    customerName: string;
	    ownerId: number;
	    ownerName: string;
	    date: string;
	    amountCents: number;
	    method: string;
	    note: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Receipt(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.orderNumber = source["orderNumber"];
	        this.installmentId = source["installmentId"];
	        this.installmentSeq = source["installmentSeq"];
	        this.customerId = source["customerId"];
	        this.customerName = source["customerName"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.date = source["date"];
	        this.amountCents = source["amountCents"];
	        this.method = source["method"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class ReceiptFilter {
	    query: string;
	    customerId: number;
	    orderId: number;
	    ownerIds: number[];
	    methods: string[];
	    dateFrom: string;
	    dateTo: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReceiptFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.customerId = source["customerId"];
	        this.orderId = source["orderId"];
	        this.ownerIds = source["ownerIds"];
	        this.methods = source["methods"];
	        this.dateFrom = source["dateFrom"];
	        this.dateTo = source["dateTo"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class ReceivableFilter {
	    ownerIds: number[];
	    customerId: number;
	    query: string;
	    dueFrom: string;
	    dueTo: string;
	
	    static createFrom(source: any = {}) {
	        return new ReceivableFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerIds = source["ownerIds"];
	        this.customerId = source["customerId"];
	        this.query = source["query"];
	        this.dueFrom = source["dueFrom"];
	        this.dueTo = source["dueTo"];
	    }
	}
	export class ReceivableGroup {
	    id: number;
	    name: string;
	    dueCents: number;
	    receivedCents: number;
	    overdueCents: number;
	    outstandingCents: number;
	
	    static createFrom(source: any = {}) {
	        return new ReceivableGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.dueCents = source["dueCents"];
	        this.receivedCents = source["receivedCents"];
	        this.overdueCents = source["overdueCents"];
	        this.outstandingCents = source["outstandingCents"];
	    }
	}
	export class SalesReturnLine {
	    id: number;
	    returnId: number;
	    orderLineId: number;
	    productCode: string;
	    productName: string;
	    unit: string;
	    qtyMilli: number;
	    amountCents: number;
	
	    static createFrom(source: any = {}) {
	        return new SalesReturnLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.returnId = source["returnId"];
	        this.orderLineId = source["orderLineId"];
	        this.productCode = source["productCode"];
	        this.productName = source["productName"];
	        this.unit = source["unit"];
	        this.qtyMilli = source["qtyMilli"];
	        this.amountCents = source["amountCents"];
	    }
	}
	export class SalesReturn {
	    id: number;
	    number: string;
	    orderId: number;
	    date: string;
	    reason: string;
	    amountCents: number;
	    createdAt: string;
	    lines: SalesReturnLine[];
	
	    static createFrom(source: any = {}) {
	        return new SalesReturn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.number = source["number"];
	        this.orderId = source["orderId"];
	        this.date = source["date"];
	        this.reason = source["reason"];
	        this.amountCents = source["amountCents"];
	        this.createdAt = source["createdAt"];
	        this.lines = this.convertValues(source["lines"], SalesReturnLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SearchHit {
	    kind: string;
	    id: number;
	    title: string;
	    detail: string;
	    customerId: number;
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.customerId = source["customerId"];
	    }
	}
	export class Stage {
	    id: number;
	    name: string;
	    position: number;
	    probabilityBp: number;
	    kind: string;
	    retired: boolean;
	    setId: number;
	    inUse: number;
	
	    static createFrom(source: any = {}) {
	        return new Stage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.probabilityBp = source["probabilityBp"];
	        this.kind = source["kind"];
	        this.retired = source["retired"];
	        this.setId = source["setId"];
	        this.inUse = source["inUse"];
	    }
	}
	export class StageAction {
	    stageId: number;
	    actionId: number;
	    actionName: string;
	    position: number;
	    required: boolean;
	    dueDays: number;
	
	    static createFrom(source: any = {}) {
	        return new StageAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.actionId = source["actionId"];
	        this.actionName = source["actionName"];
	        this.position = source["position"];
	        this.required = source["required"];
	        this.dueDays = source["dueDays"];
	    }
	}
	export class StageChange {
	    id: number;
	    opportunityId: number;
	    fromStageId?: number;
	    fromStageName: string;
	    toStageId: number;
	    toStageName: string;
	    changedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new StageChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.opportunityId = source["opportunityId"];
	        this.fromStageId = source["fromStageId"];
	        this.fromStageName = source["fromStageName"];
	        this.toStageId = source["toStageId"];
	        this.toStageName = source["toStageName"];
	        this.changedAt = source["changedAt"];
	    }
	}
	export class StageSet {
	    id: number;
	    name: string;
	    position: number;
	    types: string[];
	
	    static createFrom(source: any = {}) {
	        return new StageSet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.position = source["position"];
	        this.types = source["types"];
	    }
	}
	export class Task {
	    id: number;
	    title: string;
	    assigneeId: number;
	    dueDate: string;
	    dueTime: string;
	    priority: number;
	    status: string;
	    customerId: number;
	    opportunityId: number;
	    leadId: number;
	    stageId: number;
	    actionId: number;
	    required: boolean;
	    followUpId: number;
	    result: string;
	    doneAt: string;
	    createdAt: string;
	    updatedAt: string;
	    assigneeName: string;
	    customerName: string;
	    opportunityName: string;
	    stageName: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Task(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.assigneeId = source["assigneeId"];
	        this.dueDate = source["dueDate"];
	        this.dueTime = source["dueTime"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.leadId = source["leadId"];
	        this.stageId = source["stageId"];
	        this.actionId = source["actionId"];
	        this.required = source["required"];
	        this.followUpId = source["followUpId"];
	        this.result = source["result"];
	        this.doneAt = source["doneAt"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.assigneeName = source["assigneeName"];
	        this.customerName = source["customerName"];
	        this.opportunityName = source["opportunityName"];
	        this.stageName = source["stageName"];
	        this.overdue = source["overdue"];
	    }
	}
	export class TaskFilter {
	    query: string;
	    statuses: string[];
	    assigneeIds: number[];
	    priority: number;
	    view: string;
	    customerId: number;
	    opportunityId: number;
	    leadId: number;
	    dueFrom: string;
	    dueTo: string;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TaskFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.statuses = source["statuses"];
	        this.assigneeIds = source["assigneeIds"];
	        this.priority = source["priority"];
	        this.view = source["view"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.leadId = source["leadId"];
	        this.dueFrom = source["dueFrom"];
	        this.dueTo = source["dueTo"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class Team {
	    id: number;
	    name: string;
	    parentId?: number;
	    managerId?: number;
	    managerName: string;
	    members: number;
	
	    static createFrom(source: any = {}) {
	        return new Team(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.parentId = source["parentId"];
	        this.managerId = source["managerId"];
	        this.managerName = source["managerName"];
	        this.members = source["members"];
	    }
	}

}

export namespace target {
	
	export class MonthLine {
	    month: string;
	    whole: boolean;
	    target: number;
	    actual: number;
	
	    static createFrom(source: any = {}) {
	        return new MonthLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.whole = source["whole"];
	        this.target = source["target"];
	        this.actual = source["actual"];
	    }
	}
	export class Line {
	    scope: string;
	    scopeId: number;
	    name: string;
	    retired: boolean;
	    target: number;
	    hasTarget: boolean;
	    actual: number;
	    rateBp?: number;
	    gap: number;
	    rank?: number;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = source["scope"];
	        this.scopeId = source["scopeId"];
	        this.name = source["name"];
	        this.retired = source["retired"];
	        this.target = source["target"];
	        this.hasTarget = source["hasTarget"];
	        this.actual = source["actual"];
	        this.rateBp = source["rateBp"];
	        this.gap = source["gap"];
	        this.rank = source["rank"];
	    }
	}
	export class Achievement {
	    dimension: string;
	    money: boolean;
	    by: string;
	    from: string;
	    to: string;
	    today: string;
	    cutMonths: string[];
	    periodDays: number;
	    elapsedDays: number;
	    timeProgressBp: number;
	    total: Line;
	    rows: Line[];
	    ranking: Line[];
	    months: MonthLine[];
	
	    static createFrom(source: any = {}) {
	        return new Achievement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dimension = source["dimension"];
	        this.money = source["money"];
	        this.by = source["by"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.today = source["today"];
	        this.cutMonths = source["cutMonths"];
	        this.periodDays = source["periodDays"];
	        this.elapsedDays = source["elapsedDays"];
	        this.timeProgressBp = source["timeProgressBp"];
	        this.total = this.convertValues(source["total"], Line);
	        this.rows = this.convertValues(source["rows"], Line);
	        this.ranking = this.convertValues(source["ranking"], Line);
	        this.months = this.convertValues(source["months"], MonthLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AchievementRequest {
	    filters: reportframe.Filters;
	    dimension: string;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new AchievementRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filters = this.convertValues(source["filters"], reportframe.Filters);
	        this.dimension = source["dimension"];
	        this.by = source["by"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Bucket {
	    open: number;
	    amount: number;
	    expected: number;
	
	    static createFrom(source: any = {}) {
	        return new Bucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.amount = source["amount"];
	        this.expected = source["expected"];
	    }
	}
	export class Charts {
	    months: string;
	    people: string;
	
	    static createFrom(source: any = {}) {
	        return new Charts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.months = source["months"];
	        this.people = source["people"];
	    }
	}
	export class DeleteInput {
	    year: number;
	    dimension: string;
	    scope: string;
	    scopeId: number;
	
	    static createFrom(source: any = {}) {
	        return new DeleteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.scope = source["scope"];
	        this.scopeId = source["scopeId"];
	    }
	}
	export class ForecastLine {
	    month: string;
	    open: number;
	    amount: number;
	    expected: number;
	    won: number;
	    target: number;
	    hasTarget: boolean;
	    remaining: number;
	    coverageBp?: number;
	    lastYearMonth: string;
	    lastYearWon: number;
	
	    static createFrom(source: any = {}) {
	        return new ForecastLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.open = source["open"];
	        this.amount = source["amount"];
	        this.expected = source["expected"];
	        this.won = source["won"];
	        this.target = source["target"];
	        this.hasTarget = source["hasTarget"];
	        this.remaining = source["remaining"];
	        this.coverageBp = source["coverageBp"];
	        this.lastYearMonth = source["lastYearMonth"];
	        this.lastYearWon = source["lastYearWon"];
	    }
	}
	export class Forecast {
	    today: string;
	    months: ForecastLine[];
	    total: ForecastLine;
	    slipped: Bucket;
	    noClose: Bucket;
	
	    static createFrom(source: any = {}) {
	        return new Forecast(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.today = source["today"];
	        this.months = this.convertValues(source["months"], ForecastLine);
	        this.total = this.convertValues(source["total"], ForecastLine);
	        this.slipped = this.convertValues(source["slipped"], Bucket);
	        this.noClose = this.convertValues(source["noClose"], Bucket);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ForecastRequest {
	    filters: reportframe.Filters;
	
	    static createFrom(source: any = {}) {
	        return new ForecastRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filters = this.convertValues(source["filters"], reportframe.Filters);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Row {
	    scope: string;
	    scopeId: number;
	    name: string;
	    parentId: number;
	    depth: number;
	    retired: boolean;
	    set: boolean;
	    months: number[];
	    quarters: number[];
	    year: number;
	    members: number;
	    membersYear: number;
	    membersDiff: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = source["scope"];
	        this.scopeId = source["scopeId"];
	        this.name = source["name"];
	        this.parentId = source["parentId"];
	        this.depth = source["depth"];
	        this.retired = source["retired"];
	        this.set = source["set"];
	        this.months = source["months"];
	        this.quarters = source["quarters"];
	        this.year = source["year"];
	        this.members = source["members"];
	        this.membersYear = source["membersYear"];
	        this.membersDiff = source["membersDiff"];
	    }
	}
	export class Grid {
	    year: number;
	    dimension: string;
	    money: boolean;
	    rows: Row[];
	
	    static createFrom(source: any = {}) {
	        return new Grid(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.money = source["money"];
	        this.rows = this.convertValues(source["rows"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GridRequest {
	    year: number;
	    dimension: string;
	
	    static createFrom(source: any = {}) {
	        return new GridRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	    }
	}
	
	export class Member {
	    ownerId: number;
	    name: string;
	    year: number;
	    set: boolean;
	    suggested: number;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.name = source["name"];
	        this.year = source["year"];
	        this.set = source["set"];
	        this.suggested = source["suggested"];
	    }
	}
	export class MemberFigure {
	    ownerId: number;
	    total: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberFigure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ownerId = source["ownerId"];
	        this.total = source["total"];
	    }
	}
	export class MemberSplitInput {
	    year: number;
	    dimension: string;
	    teamId: number;
	    method: string;
	    members: MemberFigure[];
	
	    static createFrom(source: any = {}) {
	        return new MemberSplitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.teamId = source["teamId"];
	        this.method = source["method"];
	        this.members = this.convertValues(source["members"], MemberFigure);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberSplitResult {
	    teamId: number;
	    teamName: string;
	    teamYear: number;
	    teamSet: boolean;
	    money: boolean;
	    members: Member[];
	    membersYear: number;
	    diff: number;
	    fellBack: string[];
	
	    static createFrom(source: any = {}) {
	        return new MemberSplitResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teamId = source["teamId"];
	        this.teamName = source["teamName"];
	        this.teamYear = source["teamYear"];
	        this.teamSet = source["teamSet"];
	        this.money = source["money"];
	        this.members = this.convertValues(source["members"], Member);
	        this.membersYear = source["membersYear"];
	        this.diff = source["diff"];
	        this.fellBack = source["fellBack"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Members {
	    teamId: number;
	    teamName: string;
	    teamYear: number;
	    teamSet: boolean;
	    money: boolean;
	    members: Member[];
	    membersYear: number;
	    diff: number;
	
	    static createFrom(source: any = {}) {
	        return new Members(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teamId = source["teamId"];
	        this.teamName = source["teamName"];
	        this.teamYear = source["teamYear"];
	        this.teamSet = source["teamSet"];
	        this.money = source["money"];
	        this.members = this.convertValues(source["members"], Member);
	        this.membersYear = source["membersYear"];
	        this.diff = source["diff"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MembersRequest {
	    year: number;
	    dimension: string;
	    teamId: number;
	
	    static createFrom(source: any = {}) {
	        return new MembersRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.teamId = source["teamId"];
	    }
	}
	
	
	export class SaveInput {
	    year: number;
	    dimension: string;
	    scope: string;
	    scopeId: number;
	    months: string[];
	
	    static createFrom(source: any = {}) {
	        return new SaveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.scope = source["scope"];
	        this.scopeId = source["scopeId"];
	        this.months = source["months"];
	    }
	}
	export class SplitInput {
	    year: number;
	    dimension: string;
	    scope: string;
	    scopeId: number;
	    total: string;
	    method: string;
	
	    static createFrom(source: any = {}) {
	        return new SplitInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.dimension = source["dimension"];
	        this.scope = source["scope"];
	        this.scopeId = source["scopeId"];
	        this.total = source["total"];
	        this.method = source["method"];
	    }
	}
	export class SplitResult {
	    row: Row;
	    method: string;
	    fellBack: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SplitResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = this.convertValues(source["row"], Row);
	        this.method = source["method"];
	        this.fellBack = source["fellBack"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace task {
	
	export class Input {
	    title: string;
	    assigneeId: number;
	    dueDate: string;
	    dueTime: string;
	    priority: number;
	    status: string;
	    customerId: number;
	    opportunityId: number;
	    leadId: number;
	    result: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.assigneeId = source["assigneeId"];
	        this.dueDate = source["dueDate"];
	        this.dueTime = source["dueTime"];
	        this.priority = source["priority"];
	        this.status = source["status"];
	        this.customerId = source["customerId"];
	        this.opportunityId = source["opportunityId"];
	        this.leadId = source["leadId"];
	        this.result = source["result"];
	    }
	}
	export class ListRequest {
	    filter: store.TaskFilter;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new ListRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], store.TaskFilter);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    items: store.Task[];
	    total: number;
	    totalCapped: boolean;
	    page: number;
	    pageSize: number;
	    today: string;
	    weekEnd: string;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Task);
	        this.total = source["total"];
	        this.totalCapped = source["totalCapped"];
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.today = source["today"];
	        this.weekEnd = source["weekEnd"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Step {
	    actionId: number;
	    actionName: string;
	    required: boolean;
	    taskId: number;
	    status: string;
	    dueDate: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actionId = source["actionId"];
	        this.actionName = source["actionName"];
	        this.required = source["required"];
	        this.taskId = source["taskId"];
	        this.status = source["status"];
	        this.dueDate = source["dueDate"];
	        this.done = source["done"];
	    }
	}
	export class Steps {
	    opportunityId: number;
	    stageId: number;
	    stageName: string;
	    steps: Step[];
	    done: number;
	    total: number;
	    promoted: string;
	
	    static createFrom(source: any = {}) {
	        return new Steps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunityId = source["opportunityId"];
	        this.stageId = source["stageId"];
	        this.stageName = source["stageName"];
	        this.steps = this.convertValues(source["steps"], Step);
	        this.done = source["done"];
	        this.total = source["total"];
	        this.promoted = source["promoted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace team {
	
	export class Input {
	    name: string;
	    parentId: number;
	    managerId: number;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.parentId = source["parentId"];
	        this.managerId = source["managerId"];
	    }
	}
	export class Tree {
	    teams: store.Team[];
	    members: Record<number, number>;
	
	    static createFrom(source: any = {}) {
	        return new Tree(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.teams = this.convertValues(source["teams"], store.Team);
	        this.members = source["members"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

