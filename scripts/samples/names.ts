// Fictional organization names built from word lists, plus the deny-list of real company and college names
// that no sample may contain (DESIGN.md §2: never attach invented supply relationships to real names).
import type { Rng } from './random.ts';

/** Words that describe what a firm does, keyed by the capability of its main market. */
export const DESCRIPTORS: Readonly<Record<string, readonly string[]>> = {
  '331110': ['Steel', 'Steelworks', 'Mill Products'],
  '331221': ['Bar & Shape', 'Cold Drawn Steel', 'Steel Bar'],
  '331318': ['Extrusions', 'Aluminum Extrusion', 'Aluminum Profiles'],
  '331491': ['Specialty Alloys', 'Titanium Mill', 'High-Temp Alloys'],
  '331511': ['Gray Iron Foundry', 'Iron Castings', 'Foundry'],
  '331512': ['Investment Castings', 'Precision Castings'],
  '331523': ['Die Casting', 'Diecast'],
  '331524': ['Aluminum Foundry', 'Aluminum Castings', 'Light Metal Castings'],
  '332111': ['Forge', 'Forging', 'Forge Works'],
  '332112': ['Nonferrous Forge', 'Alloy Forging'],
  '332119': ['Stamping', 'Metal Stampings', 'Pressed Metal'],
  '332312': ['Fabrication', 'Steel Fabricators', 'Structural Works', 'Weldments'],
  '332313': ['Plate Works', 'Heavy Plate'],
  '332710': [
    'Precision Machining',
    'Machine Works',
    'Machine & Tool',
    'CNC',
    'Machining',
    'Machine Products',
  ],
  '5-axis-machining': ['Five-Axis Machining', 'Multi-Axis Machining', 'Precision Machining'],
  '332721': ['Screw Machine Products', 'Precision Turning', 'Turned Components'],
  '332722': ['Fasteners', 'Bolt & Nut', 'Fastener'],
  '332811': ['Heat Treating', 'Thermal Processing', 'Metal Treating'],
  'nadcap-heat-treat': ['Aerospace Heat Treat', 'Thermal Sciences'],
  'hot-isostatic-pressing': ['Isostatic Processing', 'HIP Services'],
  '332812': ['Coatings', 'Powder Coating', 'Surface Coatings'],
  '332813': ['Plating', 'Metal Finishing', 'Anodizing', 'Finishing'],
  'nadcap-chem-processing': ['Aerospace Finishing', 'Chemical Processing'],
  '332994': ['Arms Components', 'Firearms Parts'],
  '332999': ['Metal Products', 'Metalcraft', 'Wire & Metal'],
  '333111': ['Implement Works'],
  '333120': ['Equipment Components', 'Heavy Equipment Parts'],
  '333514': ['Tool & Die', 'Die & Mold', 'Tooling', 'Tool & Engineering'],
  '333515': ['Cutting Tools', 'Carbide Tools', 'Tool Grinding'],
  '333612': ['Gear', 'Gear Works', 'Drive Systems'],
  '333613': ['Power Transmission', 'Couplings & Drives'],
  '333618': ['Engine Components', 'Power Units'],
  '333995': ['Hydraulics', 'Cylinder', 'Fluid Power'],
  '333996': ['Hydraulic Pumps', 'Fluid Power Pumps'],
  '334412': ['Circuit Boards', 'PCB'],
  '334418': ['Electronics', 'Circuit Assembly', 'Electronic Assemblies'],
  '334511': ['Avionics', 'Navigation Systems', 'Guidance Systems'],
  '335312': ['Motor Works', 'Electric Motors'],
  '336350': ['Transmission Components', 'Driveline'],
  '336390': ['Vehicle Components', 'Automotive Parts'],
  '336412': ['Turbine Components', 'Engine Parts', 'Gas Turbine Parts'],
  '336413': ['Aerostructures', 'Aero Components', 'Aircraft Parts'],
  '336415': ['Propulsion', 'Rocket Components'],
  '325211': ['Composites', 'Advanced Composites', 'Resin Systems'],
  '423510': ['Metals Supply', 'Steel Service', 'Metal Service Center'],
  '541380': ['Testing Laboratories', 'Materials Testing', 'Test Labs'],
  'nadcap-ndt': ['NDT Services', 'Inspection Services', 'Nondestructive Testing'],
  '811310': ['Industrial Repair', 'Machinery Service'],
};

/** Words that set a firm in no particular place; mixed with each region's place-flavoured words. */
export const GENERIC_PREFIXES: readonly string[] = [
  'Anvil',
  'Apex',
  'Arrowhead',
  'Beacon',
  'Bluestem',
  'Brightline',
  'Burr Oak',
  'Cardinal',
  'Cedar',
  'Compass',
  'Copperline',
  'Cornerstone',
  'Crestview',
  'Crown Point',
  'Eagle Ridge',
  'Elmwood',
  'Fieldstone',
  'Flint Hill',
  'Foxglove',
  'Granite',
  'Greystone',
  'Hawthorn',
  'Heron',
  'Hickory',
  'Highpoint',
  'Ironbark',
  'Ironwood',
  'Juniper',
  'Keystone',
  'Kingfisher',
  'Lantern',
  'Lodestar',
  'Maplewood',
  'Meadowlark',
  'Millstone',
  'Northgate',
  'Oakridge',
  'Old Mill',
  'Pinnacle',
  'Quarry',
  'Red Oak',
  'Redtail',
  'Ridgeline',
  'Riverbend',
  'Sandstone',
  'Silver Creek',
  'Sparrow',
  'Steelhead',
  'Stonebridge',
  'Summit',
  'Sycamore',
  'Tamarack',
  'Thornapple',
  'Timberline',
  'Trident',
  'Tri-State',
  'Twin Oaks',
  'Union Forge',
  'Vanguard',
  'Wedgewood',
  'Westbrook',
  'Whitewater',
  'Wildrose',
  'Willowbrook',
  'Yellowpine',
];

const SUFFIXES: readonly string[] = [
  'Inc.',
  'LLC',
  'Co.',
  'Corp.',
  'Company',
  'Industries',
  'Inc.',
  'LLC',
  '',
];

/**
 * Real companies, agencies and colleges in or near the sample regions, matched as whole words, case-insensitive.
 * A generated name that matches is rejected; the test scans every sample with it.
 */
export const REAL_NAME_DENYLIST: readonly string[] = [
  // Defense primes, large OEMs and well-known suppliers.
  'Boeing',
  'Lockheed',
  'Martin Marietta',
  'Northrop',
  'Grumman',
  'Raytheon',
  'RTX',
  'General Dynamics',
  'BAE',
  'L3Harris',
  'Harris',
  'Honeywell',
  'Pratt',
  'Whitney',
  'General Electric',
  'GE Aviation',
  'GE Aerospace',
  'Rolls-Royce',
  'Textron',
  'Sikorsky',
  'Bell',
  'Collins',
  'Oshkosh',
  'Navistar',
  'AM General',
  'Caterpillar',
  'Komatsu',
  'Deere',
  'CNH',
  'Vermeer',
  'Terex',
  'Manitowoc',
  'Cummins',
  'Allison',
  'Paccar',
  'Leidos',
  'SAIC',
  'Huntington Ingalls',
  'Motorola',
  'Abbott',
  'Illinois Tool Works',
  'ITW',
  'Woodward',
  'Moog',
  'Parker Hannifin',
  'Eaton',
  'Curtiss-Wright',
  'Aerojet',
  'SpaceX',
  'Blue Origin',
  'Anduril',
  'Teledyne',
  'Hexcel',
  'Ducommun',
  'Kaman',
  'Mercury Systems',
  'Amphenol',
  'TTM',
  'Jabil',
  'Sanmina',
  'Plexus',
  'Spirit AeroSystems',
  'Triumph Group',
  'Howmet',
  'Arconic',
  'Alcoa',
  'Nucor',
  'U.S. Steel',
  'ArcelorMittal',
  'Cleveland-Cliffs',
  'Precision Castparts',
  'Wyman-Gordon',
  'Timken',
  'Emerson',
  'Northrop Grumman',
  'Lockheed Martin',
  'General Atomics',
  'Cubic',
  'Kratos',
  'Sierra Nevada',
  'Virgin',
  'Rocket Lab',
  'Relativity',
  'ULA',
  'United Launch',
  'Bodycote',
  'Mitsubishi',
  'Hitachi',
  'Siemens',
  // Colleges and universities in the three sample regions.
  'Harper College',
  'Triton College',
  'Moraine Valley',
  'Joliet Junior',
  'Waubonsee',
  'Elgin Community',
  'College of DuPage',
  'McHenry County College',
  'College of Lake County',
  'Oakton',
  'Prairie State College',
  'South Suburban College',
  'Morton College',
  'City Colleges',
  'Daley College',
  'Wright College',
  'Kishwaukee',
  'Illinois Central College',
  'Heartland Community',
  'Bradley University',
  'Spoon River College',
  'Lincoln Land',
  'Richland Community',
  'Palomar College',
  'MiraCosta',
  'Southwestern College',
  'Grossmont',
  'Cuyamaca',
  'Mesa College',
  'San Diego City College',
  'El Camino',
  'Long Beach City',
  'Cerritos College',
  'Mt. San Antonio',
  'Pasadena City',
  'Santa Monica College',
  'Orange Coast',
  'Golden West',
  'Saddleback',
  'Irvine Valley',
  'Fullerton College',
  'Cypress College',
  'Riverside City',
  'Chaffey',
  'San Bernardino Valley',
  'Ventura College',
  'Moorpark',
  'Oxnard College',
  'Antelope Valley College',
  'College of the Canyons',
  'Glendale Community',
  'East Los Angeles College',
  'Trade-Technical',
  'Rio Hondo',
  'Citrus College',
  'Mt. San Jacinto',
  'Norco College',
  'Moreno Valley College',
  'Crafton Hills',
  'Victor Valley College',
  // Real MEP centers and economic-development bodies of the regions.
  'IMEC',
  'CMTC',
  'Catalyst Connection',
  'Bureau of Economic Development',
  'Greater Peoria Economic',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DENY_PATTERN = new RegExp(
  `(^|[^A-Za-z0-9])(${REAL_NAME_DENYLIST.map(escapeRegExp).join('|')})(?=$|[^A-Za-z0-9])`,
  'i',
);

/** The deny-listed real name a candidate contains, if any. */
export function deniedNameIn(name: string): string | undefined {
  const match = DENY_PATTERN.exec(name);
  return match ? match[2] : undefined;
}

/** A name without its legal suffix, lowercased: the key that must be unique within a sample. */
export function stemOf(name: string): string {
  let stem = name.toLowerCase();
  for (const suffix of SUFFIXES) {
    const tail = ` ${suffix.toLowerCase()}`;
    if (suffix !== '' && stem.endsWith(tail)) stem = stem.slice(0, -tail.length);
  }
  return stem;
}

export interface Namer {
  /** A new, unique, fictional firm name for a supplier in the given market. */
  firm(capability: string, rng: Rng): string;
  /** Claims a hand-written name (primes, colleges, support organizations); throws if taken or real. */
  claim(name: string): string;
}

export function createNamer(regionPrefixes: readonly string[]): Namer {
  // Names are unique without their legal suffix, so "Otay Plating Inc." and "Otay Plating LLC" never coexist.
  const used = new Set<string>();
  const prefixes = [...regionPrefixes, ...GENERIC_PREFIXES];

  function accept(name: string): boolean {
    const key = stemOf(name);
    if (used.has(key) || deniedNameIn(name) !== undefined) return false;
    used.add(key);
    return true;
  }

  return {
    firm(capability, rng) {
      const descriptors = DESCRIPTORS[capability] ?? ['Manufacturing'];
      // Single-prefix names first; two-word prefixes only once the short ones run out in a big market.
      for (let attempt = 0; attempt < 400; attempt++) {
        const prefix =
          attempt < 40 ? rng.pick(prefixes) : `${rng.pick(prefixes)} ${rng.pick(GENERIC_PREFIXES)}`;
        const stem = `${prefix} ${rng.pick(descriptors)}`;
        const suffix = rng.pick(SUFFIXES);
        const name = suffix === '' ? stem : `${stem} ${suffix}`;
        if (accept(name)) return name;
      }
      throw new Error(`no unused name left for capability ${capability}`);
    },
    claim(name) {
      if (!accept(name)) throw new Error(`name "${name}" is taken or matches a real organization`);
      return name;
    },
  };
}
