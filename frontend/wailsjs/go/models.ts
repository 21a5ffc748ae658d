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
	    followUps: store.FollowUp[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.customer = this.convertValues(source["customer"], store.Customer);
	        this.contacts = this.convertValues(source["contacts"], store.Contact);
	        this.followUps = this.convertValues(source["followUps"], store.FollowUp);
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
	export class FollowUpInput {
	    date: string;
	    method: string;
	    content: string;
	    nextDate: string;
	
	    static createFrom(source: any = {}) {
	        return new FollowUpInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.method = source["method"];
	        this.content = source["content"];
	        this.nextDate = source["nextDate"];
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
	        this.allowDuplicate = source["allowDuplicate"];
	    }
	}
	export class Options {
	    classifications: string[];
	    followUpMethods: string[];
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.classifications = source["classifications"];
	        this.followUpMethods = source["followUpMethods"];
	    }
	}
	export class Page {
	    items: store.Customer[];
	    total: number;
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Customer);
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

export namespace funnel {
	
	export class Filter {
	    ownerId: number;
	    from: string;
	    to: string;
	    type: string;
	    source: string;
	
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
	export class RowError {
	    row: number;
	    column: string;
	    field: string;
	    value: string;
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
	    customersCreated: number;
	    ownersCreated: number;
	    format: string;
	    encoding: string;
	    ignored: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunities = source["opportunities"];
	        this.customersCreated = source["customersCreated"];
	        this.ownersCreated = source["ownersCreated"];
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.ignored = source["ignored"];
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
	
	export class Detail {
	    opportunity: store.Opportunity;
	    history: store.StageChange[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.opportunity = this.convertValues(source["opportunity"], store.Opportunity);
	        this.history = this.convertValues(source["history"], store.StageChange);
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
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stageId = source["stageId"];
	        this.lostReason = source["lostReason"];
	        this.competitor = source["competitor"];
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
	    page: number;
	    pageSize: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], store.Opportunity);
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

export namespace settings {
	
	export class Settings {
	    language: string;
	    dbPath: string;
	    offerDemo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.dbPath = source["dbPath"];
	        this.offerDemo = source["offerDemo"];
	    }
	}

}

export namespace stage {
	
	export class Input {
	    name: string;
	    probability: string;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.probability = source["probability"];
	    }
	}

}

export namespace store {
	
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
	    opportunities: number;
	
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
	        this.opportunities = source["opportunities"];
	    }
	}
	export class FollowUp {
	    id: number;
	    customerId: number;
	    date: string;
	    method: string;
	    content: string;
	    nextDate: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.customerId = source["customerId"];
	        this.date = source["date"];
	        this.method = source["method"];
	        this.content = source["content"];
	        this.nextDate = source["nextDate"];
	        this.createdAt = source["createdAt"];
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
	    createdAt: string;
	    updatedAt: string;
	
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
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
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
	        this.query = source["query"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
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
	export class Stage {
	    id: number;
	    name: string;
	    position: number;
	    probabilityBp: number;
	    kind: string;
	    retired: boolean;
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
	        this.inUse = source["inUse"];
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

}

