import xlwt, datetime, sys
wb = xlwt.Workbook(encoding='utf-8')
ws = wb.add_sheet('客户')
hdr = ['客户名称','电话','联系人','手机','邮箱','创建日期','金额']
for i,h in enumerate(hdr): ws.write(0,i,h)
date = xlwt.easyxf(num_format_str='YYYY-MM-DD')
money = xlwt.easyxf(num_format_str='#,##0.00')
rows = [
 ['华强电子有限公司','0755-83000000','李四','13800138000','li@hq.com',datetime.date(2025,3,14),12800.5],
 ['远景科技','','赵六','13700137000','',datetime.date(2024,12,31),3],
 ['Acme Ltd.','010-65521234','John Smith','','john@acme.com',datetime.date(2025,1,2),1234567.89],
]
for r,row in enumerate(rows,1):
  for c,v in enumerate(row):
    if v == '': continue
    if isinstance(v, datetime.date): ws.write(r,c,v,date)
    elif isinstance(v,float) or isinstance(v,int): ws.write(r,c,v,money)
    else: ws.write(r,c,v)
wb.save(sys.argv[1])
wb = xlwt.Workbook(encoding='utf-8')
ws2 = wb.add_sheet('产品')
for i,h in enumerate(['产品编码','产品名称','单位','标准价格']): ws2.write(0,i,h)
ws2.write(1,0,'P-001'); ws2.write(1,1,'服务器'); ws2.write(1,2,'台'); ws2.write(1,3,12800)
ws2.write(2,0,'P-002'); ws2.write(2,1,'维保'); ws2.write(2,2,'年'); ws2.write(2,3,99.5)
wb.save(sys.argv[2])
wb = xlwt.Workbook(encoding='utf-8')
ws = wb.add_sheet('商机')
for i,h in enumerate(['商机名称','客户名称','商机阶段','商机金额','预计成交日期']): ws.write(0,i,h)
ws.write(1,0,'服务器采购'); ws.write(1,1,'华强电子'); ws.write(1,2,'初期沟通'); ws.write(1,3,50000.25); ws.write(1,4,datetime.date(2025,6,30),date)
wb.save(sys.argv[3])
